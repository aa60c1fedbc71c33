<?php
// The theme's own stylesheet, linked from every page's head as real themes do: the preview's
// "blog's style" reads it from the home page (tests/e2e/publish-wordpress.spec.ts).
add_action('wp_enqueue_scripts', function () {
    wp_enqueue_style('postwright-peer', get_stylesheet_uri(), [], '1.0');
});
