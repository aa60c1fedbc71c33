<?php
// The router of PHP's built-in web server: files that exist (and folders with an index.php) are
// served as they are; every other path (pretty permalinks, /wp-json/...) goes to WordPress.
$root = rtrim($_SERVER['DOCUMENT_ROOT'], '/');
$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
if ($path !== '/' && file_exists($root . $path)) {
    if (!is_dir($root . $path) || file_exists(rtrim($root . $path, '/') . '/index.php')) {
        return false;
    }
}
$_SERVER['SCRIPT_NAME'] = $_SERVER['PHP_SELF'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
chdir($root);
require $root . '/index.php';
