<?php
// Installs the instance's blog without a browser (what wp-admin/install.php does on its second
// step), then makes it what the tests expect, on every start: the administrator and password,
// a second category, date-based permalinks and an application password for the REST API.
// Prints one JSON line: {"appPassword": "..."}.
$env = fn (string $name): string => (string) getenv($name);
// WordPress reads the request's host even from the command line.
$_SERVER['HTTP_HOST'] = $env('POSTWRIGHT_WP_HOST');
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
define('WP_INSTALLING', true);
require $env('POSTWRIGHT_WP_WWW') . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

$login = $env('POSTWRIGHT_WP_USER');
// WordPress checks a login against the slashed password (wp-login.php and XML-RPC both slash what
// they receive), so it must be stored slashed too, or a quote in it would never match.
$password = wp_slash($env('POSTWRIGHT_WP_PASSWORD'));

if (!is_blog_installed()) {
    $installed = wp_install($env('POSTWRIGHT_WP_TITLE'), $login, $env('POSTWRIGHT_WP_EMAIL'), true, '', $password);
    if (is_wp_error($installed)) {
        fwrite(STDERR, $installed->get_error_message() . "\n");
        exit(1);
    }
}

$user = get_user_by('login', $login);
if (!$user) {
    $id = wp_create_user($login, $password, $env('POSTWRIGHT_WP_EMAIL'));
    if (is_wp_error($id)) {
        fwrite(STDERR, $id->get_error_message() . "\n");
        exit(1);
    }
    $user = get_user_by('id', $id);
} elseif (!wp_check_password($password, $user->user_pass, $user->ID)) {
    wp_set_password($password, $user->ID);
}
$user->set_role('administrator');

// MetaWeblog assigns only categories that exist; the tests publish into this one.
if (!term_exists('Peer Test', 'category')) {
    wp_insert_term('Peer Test', 'category');
}
// Date-based links, served through php/router.php.
update_option('permalink_structure', '/%year%/%monthnum%/%day%/%postname%/');
flush_rewrite_rules(false);

// A fresh application password on every start: the plain one is not accepted over REST.
foreach (WP_Application_Passwords::get_user_application_passwords($user->ID) as $item) {
    if ($item['name'] === 'postwright-tests') {
        WP_Application_Passwords::delete_application_password($user->ID, $item['uuid']);
    }
}
$created = WP_Application_Passwords::create_new_application_password($user->ID, ['name' => 'postwright-tests']);
if (is_wp_error($created)) {
    fwrite(STDERR, 'application password: ' . $created->get_error_message() . "\n");
    exit(1);
}
echo json_encode(['appPassword' => WP_Application_Passwords::chunk_password($created[0])]), "\n";
