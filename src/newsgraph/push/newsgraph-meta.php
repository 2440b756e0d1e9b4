<?php
/**
 * Plugin Name: newsgraph post meta
 * Description: Registers the post meta that `newsgraph push wordpress` writes (actors, quotes, events, NewsML-G2 guid, ninjs, JSON-LD, newsgraph id), lets the REST API find a post by its newsgraph id, and prints the article's JSON-LD in the page head when the post body does not carry it.
 * Version: 1
 * License: MIT
 *
 * Install it as a must-use plugin: copy this file into wp-content/mu-plugins/.
 * newsgraph checks that these keys are registered before it writes anything, because
 * WordPress silently drops post meta that no plugin registered.
 */

if (!defined('ABSPATH')) {
    exit;
}

const NEWSGRAPH_META_KEYS = array(
    'newsgraph_id' => 'The newsgraph id (URI) of the article this post holds.',
    'newsgraph_actors' => 'The actors of the article (people, organisations, countries, groups), as newsgraph JSON.',
    'newsgraph_quotes' => 'The quotes of the article with speaker, cue and spans, as newsgraph JSON.',
    'newsgraph_events' => 'The events of the article with date, place and participants, as newsgraph JSON.',
    'newsgraph_newsml_guid' => 'The guid of the article\'s NewsML-G2 newsItem.',
    'newsgraph_ninjs' => 'The article as an IPTC ninjs document.',
    'newsgraph_jsonld' => 'The article as schema.org JSON-LD.',
);

add_action('init', function () {
    foreach (NEWSGRAPH_META_KEYS as $key => $description) {
        register_post_meta('post', $key, array(
            'type' => 'string',
            'single' => true,
            'default' => '',
            'description' => $description,
            'show_in_rest' => true,
            // Structured data is part of the article: whoever may edit the post may write it.
            'auth_callback' => function ($allowed, $meta_key, $post_id) {
                return current_user_can('edit_post', $post_id);
            },
        ));
    }
});

// GET /wp/v2/posts?newsgraph_id=URI finds the post of an article even after its slug
// or headline changed; without this, REST ignores the parameter and lists every post.
add_filter('rest_post_collection_params', function ($params) {
    $params['newsgraph_id'] = array(
        'description' => 'Limit the result to the post holding this newsgraph article id.',
        'type' => 'string',
    );
    return $params;
});

add_filter('rest_post_query', function ($args, $request) {
    $id = $request->get_param('newsgraph_id');
    if (is_string($id) && $id !== '') {
        $args['meta_query'] = array(array('key' => 'newsgraph_id', 'value' => $id, 'compare' => '='));
    }
    return $args;
}, 10, 2);

// Users without the unfiltered_html capability cannot put a <script> in a post body, so
// newsgraph keeps the JSON-LD in post meta too; print it where the body lacks it.
add_action('wp_head', function () {
    if (!is_singular('post')) {
        return;
    }
    $post = get_queried_object();
    $jsonld = get_post_meta($post->ID, 'newsgraph_jsonld', true);
    if (!$jsonld || strpos($post->post_content, 'application/ld+json') !== false) {
        return;
    }
    $data = json_decode($jsonld);
    if ($data === null) {
        return;
    }
    // JSON_HEX_* escapes <, >, & and quotes so that "</script>" cannot end the element.
    echo '<script type="application/ld+json">'
        . wp_json_encode($data, JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE)
        . "</script>\n";
});
