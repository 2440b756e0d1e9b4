<?php
/**
 * Plugin Name: newsgraph post meta
 * Description: Registers the post meta that `newsgraph push wordpress` writes (actors, quotes, events, NewsML-G2 guid, ninjs, JSON-LD, newsgraph id), adds a REST route that finds the posts of an article by its newsgraph id, and prints the article's JSON-LD in the page head when the post body does not carry it.
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

// GET /newsgraph/v1/posts?newsgraph_id=URI lists the posts holding an article, in every
// status (trash too) and whoever owns them, so that newsgraph finds its post even where
// the pushing user cannot read it (another user's draft) and says so instead of making
// a second one. Only ids, statuses and whether this user may edit them are revealed.
add_action('rest_api_init', function () {
    register_rest_route('newsgraph/v1', '/posts', array(
        'methods' => 'GET',
        'permission_callback' => function () {
            return current_user_can('edit_posts');
        },
        'args' => array(
            'newsgraph_id' => array('type' => 'string', 'required' => true,
                                    'description' => 'The newsgraph id (URI) of an article.'),
        ),
        'callback' => function ($request) {
            $ids = get_posts(array(
                'post_type' => 'post',
                'post_status' => array_values(array_diff(get_post_stati(), array('auto-draft', 'inherit'))),
                'meta_key' => 'newsgraph_id',
                'meta_value' => $request['newsgraph_id'],
                'fields' => 'ids',
                'posts_per_page' => 100,
                'orderby' => 'ID',
                'order' => 'ASC',
                'suppress_filters' => true,
            ));
            $found = array();
            foreach ($ids as $id) {
                $found[] = array(
                    'id' => (int) $id,
                    'status' => get_post_status($id),
                    'editable' => current_user_can('edit_post', $id),
                );
            }
            return $found;
        },
    ));
});

// The body keeps the article's own quotation marks inside <q data-quote>, so the
// browser must not add a second pair.
add_action('wp_head', function () {
    if (is_singular('post') && get_post_meta(get_queried_object_id(), 'newsgraph_id', true)) {
        echo "<style>q[data-quote]{quotes:none}</style>\n";
    }
});

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
