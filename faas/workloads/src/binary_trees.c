/*
 * binary-trees: the Computer Language Benchmarks Game allocation benchmark. It allocates a
 * "stretch" tree of depth max+1, keeps one long-lived tree of depth max, and builds and walks
 * 2^(max - d + 4) trees of each depth d = 4, 6, ..., max, freeing each after its check.
 * Nodes are malloc'ed one by one, so the work is dominated by the allocator and memory traffic.
 *
 * stdin:  the maximum depth, if not blank.
 * env:    BT_DEPTH (default 8) when the body is blank. Depths below 6 are raised to 6, as in
 *         the benchmark (max = max(min_depth + 2, n) with min_depth 4).
 * stdout: the benchmark's standard lines, e.g. for depth 10:
 *           stretch tree of depth 11\t check: 4095
 *           1024\t trees of depth 4\t check: 31744
 *           ...
 *           long lived tree of depth 10\t check: 2047
 * exit:   0; 2 on a malformed parameter.
 */
#include "workload.h"

typedef struct node {
    struct node *left, *right;
} node;

static node *bottom_up_tree(unsigned depth) {
    node *n = malloc(sizeof(node));
    if (n == NULL) wl_fail("out of memory building a tree");
    if (depth > 0) {
        n->left = bottom_up_tree(depth - 1);
        n->right = bottom_up_tree(depth - 1);
    } else {
        n->left = n->right = NULL;
    }
    return n;
}

/* The check is the node count, as in the current benchmark rules. */
static long item_check(const node *n) {
    return n->left == NULL ? 1 : 1 + item_check(n->left) + item_check(n->right);
}

static void delete_tree(node *n) {
    if (n->left != NULL) {
        delete_tree(n->left);
        delete_tree(n->right);
    }
    free(n);
}

int main(void) {
    wl_body body = wl_read_stdin(64);
    wl_trim(&body);
    unsigned n = (unsigned)wl_size_param(&body, "BT_DEPTH", 8, 0, 20);
    const unsigned min_depth = 4;
    unsigned max_depth = min_depth + 2 > n ? min_depth + 2 : n;

    unsigned stretch_depth = max_depth + 1;
    node *stretch = bottom_up_tree(stretch_depth);
    printf("stretch tree of depth %u\t check: %li\n", stretch_depth, item_check(stretch));
    delete_tree(stretch);

    node *long_lived = bottom_up_tree(max_depth);

    for (unsigned depth = min_depth; depth <= max_depth; depth += 2) {
        long iterations = 1L << (max_depth - depth + min_depth);
        long check = 0;
        for (long i = 1; i <= iterations; i++) {
            node *t = bottom_up_tree(depth);
            check += item_check(t);
            delete_tree(t);
        }
        printf("%li\t trees of depth %u\t check: %li\n", iterations, depth, check);
    }

    printf("long lived tree of depth %u\t check: %li\n", max_depth, item_check(long_lived));
    delete_tree(long_lived);
    return 0;
}
