<?php
/*
 * Install the test site without wp-cli, and (re)create its users' application passwords.
 * Run by scripts/wordpress-up.sh:
 *
 *   NEWSGRAPH_WP_CONFIG=STATE/wp-config.php NEWSGRAPH_WP_DIR=STATE NEWSGRAPH_WP_PORT=PORT \
 *     php scripts/wordpress/install.php
 *
 * Idempotent: an installed site is kept, and an application password is only replaced
 * when the one in STATE no longer matches what WordPress stores.
 */

$state = getenv('NEWSGRAPH_WP_DIR');
$port = getenv('NEWSGRAPH_WP_PORT');
if (!$state || !$port) {
    fwrite(STDERR, "install.php: set NEWSGRAPH_WP_DIR and NEWSGRAPH_WP_PORT\n");
    exit(2);
}

// Debian's wp-config.php picks /etc/wordpress/config-HOST.php from the request's host.
$_SERVER['HTTP_HOST'] = '127.0.0.1:' . $port;
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['SERVER_PORT'] = $port;
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
define('WP_INSTALLING', true);

// wp_install() mails the admin; there is no mail here and nobody to read it.
function wp_new_blog_notification($blog_title, $blog_url, $user_id, $password) {
}

require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/user.php';

function newsgraph_secret($name) {
    global $state;
    $path = "$state/$name";
    if (is_file($path)) {
        return trim(file_get_contents($path));
    }
    $secret = wp_generate_password(24, false);
    newsgraph_write($path, $secret);
    return $secret;
}

function newsgraph_write($path, $text) {
    $tmp = "$path.tmp";
    file_put_contents($tmp, $text . "\n");
    chmod($tmp, 0600);
    rename($tmp, $path);
}

function newsgraph_user($login, $role, $password) {
    $user = get_user_by('login', $login);
    if (!$user) {
        $id = wp_insert_user(array(
            'user_login' => $login,
            'user_pass' => $password,
            'user_email' => "$login@example.org",
            'display_name' => $login,
            'role' => $role,
        ));
        if (is_wp_error($id)) {
            fwrite(STDERR, "install.php: cannot create user $login: " . $id->get_error_message() . "\n");
            exit(1);
        }
        $user = get_user_by('id', $id);
    }
    return $user;
}

// The application password in STATE/FILE for USER: kept if WordPress still accepts it.
function newsgraph_app_password($user, $file) {
    global $state;
    $path = "$state/$file";
    $name = 'newsgraph tests';
    $items = WP_Application_Passwords::get_user_application_passwords($user->ID);
    if (is_file($path)) {
        $current = preg_replace('/[^a-z\d]/i', '', trim(file_get_contents($path)));
        foreach ($items as $item) {
            if ($item['name'] === $name && wp_check_password($current, $item['password'], $user->ID)) {
                return;
            }
        }
    }
    foreach ($items as $item) {
        if ($item['name'] === $name) {
            WP_Application_Passwords::delete_application_password($user->ID, $item['uuid']);
        }
    }
    $created = WP_Application_Passwords::create_new_application_password($user->ID, array('name' => $name));
    if (is_wp_error($created)) {
        fwrite(STDERR, "install.php: cannot create an application password: " . $created->get_error_message() . "\n");
        exit(1);
    }
    newsgraph_write($path, $created[0]);
}

if (!wp_is_application_passwords_available()) {
    fwrite(STDERR, "install.php: application passwords are not available (WP_ENVIRONMENT_TYPE must be 'local' over http)\n");
    exit(1);
}

if (!is_blog_installed()) {
    $result = wp_install('newsgraph test site', 'admin', 'admin@example.org', false, '',
                         newsgraph_secret('admin-password'));
    if (is_wp_error($result) || empty($result['user_id'])) {
        fwrite(STDERR, "install.php: wp_install() failed\n");
        exit(1);
    }
    fwrite(STDERR, "install.php: installed WordPress " . get_bloginfo('version') . "\n");
}

// Debian ships no theme; this one prints the head (wp_head) and the post, nothing more.
if (get_option('stylesheet') !== 'newsgraph-test') {
    switch_theme('newsgraph-test');
}

$admin = get_user_by('login', 'admin');
newsgraph_app_password($admin, 'app-password');
// A subscriber may read but not write posts: the tests push as it to see the 403 message.
$reader = newsgraph_user('reader', 'subscriber', newsgraph_secret('reader-password'));
newsgraph_app_password($reader, 'reader-app-password');
// An author may write and publish its own posts, but not credit others, create users or
// categories, or put a <script> in a post: the tests push as it to see newsgraph cope.
$writer = newsgraph_user('writer', 'author', newsgraph_secret('writer-password'));
newsgraph_app_password($writer, 'writer-app-password');
