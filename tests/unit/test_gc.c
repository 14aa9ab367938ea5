/* test_gc.c - the mark-and-sweep collector: what it frees, what it
 * keeps, deep structures, pacing through the eval breaker. */
#include <criterion/criterion.h>
#include <string.h>

#include "runtime/runtime.h"

static void setup(void)
{
    rt_init();
    gc_collect();
}

TestSuite(gc, .init = setup);

static int finalized;

static void counting_finalize(Obj *o)
{
    (void)o;
    finalized++;
}

/* A type whose instances point at one other value. */
typedef struct Box {
    Obj hdr;
    Value v;
} Box;

static void box_trace(Obj *o)
{
    gc_mark_value(((Box *)o)->v);
}

static TypeObj box_type = {
    TYPE_OBJ_HEAD,
    .name = "box",
    .base = &object_type,
    .instance_size = sizeof(Box),
    .trace = box_trace,
    .finalize = counting_finalize,
};

static Box *box_new(Value v)
{
    Box *b = gc_alloc(&box_type, sizeof *b);
    b->v = v;
    return b;
}

Test(gc, unreachable_objects_are_freed_and_finalized)
{
    size_t before = gc_object_count();
    finalized = 0;
    for (int i = 0; i < 100; i++)
        box_new(V_NONE);
    cr_assert_eq(gc_object_count(), before + 100);
    gc_collect();
    cr_assert_eq(gc_object_count(), before);
    cr_assert_eq(finalized, 100);
}

Test(gc, temp_root_keeps_object_and_children)
{
    finalized = 0;
    Value v = V_OBJ(box_new(V_OBJ(box_new(V_INT(7)))));
    gc_root_push(&v);
    gc_collect();
    gc_root_pop(1);
    cr_assert_eq(finalized, 0);
    Box *inner = (Box *)AS_OBJ(((Box *)AS_OBJ(v))->v);
    cr_assert_eq(AS_INT(inner->v), 7);
    gc_collect();
    cr_assert_eq(finalized, 2);
}

/* A million-deep chain must not recurse on the C stack. */
Test(gc, deep_chain_marks_without_recursion)
{
    Value head = V_NONE;
    gc_root_push(&head);
    for (int i = 0; i < 1000000; i++)
        head = V_OBJ(box_new(head));
    finalized = 0;
    gc_collect();
    cr_assert_eq(finalized, 0);
    gc_root_pop(1);
    gc_collect();
    cr_assert_eq(finalized, 1000000);
}

static Value registered_root;

static void mark_registered(void)
{
    gc_mark_value(registered_root);
}

Test(gc, registered_root_function_is_called)
{
    static int registered;
    if (!registered) {
        gc_register_roots(mark_registered);
        registered = 1;
    }
    finalized = 0;
    registered_root = V_OBJ(box_new(V_NONE));
    gc_collect();
    cr_assert_eq(finalized, 0);
    registered_root = V_NONE;
    gc_collect();
    cr_assert_eq(finalized, 1);
}

/* Nothing clears a static object's mark: it is the number of the
 * collection that made it, so the next collection traces it again. */
Test(gc, static_object_children_survive_repeated_collections)
{
    static Box holder = {.hdr = {.type = &box_type}};
    static int registered;
    holder.v = V_OBJ(box_new(V_INT(1)));
    registered_root = V_OBJ(&holder);
    if (!registered) {
        gc_register_roots(mark_registered);
        registered = 1;
    }
    finalized = 0;
    gc_collect();
    gc_collect();
    gc_collect();
    cr_assert_eq(finalized, 0);
    cr_assert_eq(AS_INT(((Box *)AS_OBJ(holder.v))->v), 1);
    registered_root = V_NONE;
}

Test(gc, thread_state_exception_is_a_root)
{
    err_set(&exc_ValueError, "kept");
    gc_collect();
    Value e = err_fetch();
    Value s = obj_str(e);
    cr_assert_str_eq(STR_CSTR((StrObj *)AS_OBJ(s)), "kept");
}

Test(gc, allocation_volume_sets_the_breaker_bit)
{
    gc_collect();
    cr_assert_eq(eb_load() & EB_GC, 0);
    for (int i = 0; i < 20000; i++)
        gc_alloc(&box_type, 1024);
    cr_assert_neq(eb_load() & EB_GC, 0);
    gc_collect_if_due();
    cr_assert_eq(eb_load() & EB_GC, 0);
}

Test(gc, disabled_collector_never_asks)
{
    gc_collect();
    gc_set_enabled(0);
    for (int i = 0; i < 20000; i++)
        gc_alloc(&box_type, 1024);
    cr_assert_eq(eb_load() & EB_GC, 0);
    cr_assert_eq(gc_is_enabled(), 0);
    gc_set_enabled(1);
    cr_assert_neq(eb_load() & EB_GC, 0);
    gc_collect();
}

Test(gc, builtin_type_methods_survive_collection)
{
    gc_collect();
    gc_collect();
    Value init = type_lookup(&object_type, str_intern_cstr("__init__"));
    cr_assert(IS_TYPE(init, native_type));
}

Test(gc, accounted_bytes_count_as_live)
{
    size_t before = gc_live_bytes();
    gc_account(4096);
    cr_assert_eq(gc_live_bytes(), before + 4096);
    gc_account(-4096);
    cr_assert_eq(gc_live_bytes(), before);
}

/* Small blocks are recycled through the collector's pools: a block reused
 * after a sweep comes back zeroed, whatever its previous owner wrote. */
Test(gc, recycled_small_blocks_come_back_zeroed)
{
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 1000; i++) {
            Box *b = box_new(V_INT(0x5a5a5a5a));
            b->v = V_INT(-1);
        }
        gc_collect();
        for (int i = 0; i < 1000; i++) {
            Box *b = gc_alloc(&box_type, sizeof *b);
            cr_assert_eq(b->v.tag, VT_NULL);
            cr_assert_eq(b->v.as.i, 0);
            cr_assert_eq(b->hdr.type, &box_type);
        }
        gc_collect();
    }
}

Test(gc, raw_blocks_of_every_size_round_trip)
{
    for (size_t size = 1; size <= 600; size += 7) {
        unsigned char *p = gc_raw_alloc(size);
        cr_assert_not_null(p);
        memset(p, 0xab, size);
        unsigned char *q = gc_raw_alloc(size);
        cr_assert_not_null(q);
        cr_assert(q + size <= p || p + size <= q, "blocks overlap");
        gc_raw_free(p, size);
        gc_raw_free(q, size);
    }
    gc_raw_free(NULL, 16);
}

/* Small objects are found by walking their slabs: survivors stay intact
 * among freed neighbours of the same size class, in every class up to the
 * pools' limit and beyond it (the list of large objects). */
Test(gc, sweep_keeps_survivors_among_freed_neighbours)
{
    for (size_t size = sizeof(Box); size <= 300; size += 8) {
        size_t before = gc_object_count();
        Value keep = V_NONE; /* every third box, chained */
        finalized = 0;
        gc_root_push(&keep);
        for (int i = 0; i < 300; i++) {
            Box *b = gc_alloc(&box_type, size);
            if (i % 3 == 0) {
                b->v = keep;
                keep = V_OBJ(b);
            } else {
                b->v = V_INT(i);
            }
        }
        gc_collect();
        cr_assert_eq(finalized, 200, "size %zu", size);
        cr_assert_eq(gc_object_count(), before + 100);
        int n = 0;
        for (Value v = keep; !IS_NONE(v); v = ((Box *)AS_OBJ(v))->v, n++)
            cr_assert_eq(AS_OBJ(v)->type, &box_type);
        cr_assert_eq(n, 100);
        gc_root_pop(1);
        gc_collect();
        cr_assert_eq(finalized, 300);
        cr_assert_eq(gc_object_count(), before);
    }
}

/* The sweep rebuilds the free lists in address order, so allocation after
 * a collection fills memory forward: a step backwards happens only when
 * it moves on to another slab (32 KiB, a few hundred boxes). */
Test(gc, freed_blocks_are_reused_in_address_order)
{
#if defined(__SANITIZE_ADDRESS__)
    cr_skip_test("no pools under AddressSanitizer: malloc decides the order");
#endif
    for (int i = 0; i < 2000; i++)
        box_new(V_NONE);
    gc_collect();
    int backwards = 0;
    Box *prev = box_new(V_NONE);
    for (int i = 0; i < 1000; i++) {
        Box *b = box_new(V_NONE);
        backwards += b < prev;
        prev = b;
    }
    cr_assert_leq(backwards, 4, "%d steps backwards", backwards);
}

/* A str has no trace function: marking it must still keep it, and its
 * type, across collections, whoever refers to it. */
Test(gc, leaf_objects_reached_through_containers_survive)
{
    Value v = V_OBJ(box_new(V_OBJ(str_from_cstr("kept text, not interned"))));
    gc_root_push(&v);
    for (int i = 0; i < 3; i++) {
        for (int k = 0; k < 100; k++)
            str_from_cstr("garbage text, not kept");
        gc_collect();
        Value s = ((Box *)AS_OBJ(v))->v;
        cr_assert(IS_TYPE(s, str_type));
        cr_assert_str_eq(STR_CSTR((StrObj *)AS_OBJ(s)), "kept text, not interned");
    }
    gc_root_pop(1);
}

Test(gc, uninitialised_allocation_sets_the_header)
{
    size_t before = gc_object_count(), live = gc_live_bytes();
    finalized = 0;
    for (size_t size = sizeof(Box); size < 1000; size += 100) {
        Box *b = gc_alloc_uninit(&box_type, size);
        cr_assert_eq(b->hdr.type, &box_type);
        cr_assert_eq(b->hdr.gc_mark, 0);
        cr_assert_eq(b->hdr.gc_size, size);
        b->v = V_NONE;
    }
    cr_assert_eq(gc_object_count(), before + 10);
    cr_assert_gt(gc_live_bytes(), live);
    gc_collect();
    cr_assert_eq(finalized, 10);
    cr_assert_eq(gc_object_count(), before);
}

/* A static object left unreached by some collections and reached again
 * later must look unmarked then, whatever its last mark was; a new object
 * looks unmarked to the first collection after it. */
Test(gc, static_object_reached_again_after_skipped_collections)
{
    static Box holder = {.hdr = {.type = &box_type}};
    static int registered;
    if (!registered) {
        gc_register_roots(mark_registered);
        registered = 1;
    }
    for (int skip = 0; skip < 4; skip++) {
        registered_root = V_OBJ(&holder);
        holder.v = V_NONE;
        gc_collect(); /* marks holder */
        registered_root = V_NONE;
        for (int k = 0; k < skip; k++)
            gc_collect(); /* holder not reached */
        holder.v = V_OBJ(box_new(V_INT(skip)));
        cr_assert_eq(((Box *)AS_OBJ(holder.v))->hdr.gc_mark, 0);
        registered_root = V_OBJ(&holder);
        finalized = 0;
        gc_collect();
        gc_collect();
        cr_assert_eq(finalized, 0, "skip %d", skip);
        cr_assert_eq(AS_INT(((Box *)AS_OBJ(holder.v))->v), skip);
    }
    registered_root = V_NONE;
}
