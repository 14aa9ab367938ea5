/* Unit tests for runtime/dict.c: insertion order, deletion and resizing,
 * the version counter and the watch epoch, KeyError, views, update forms,
 * repr and merge. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "runtime/runtime.h"
#include "unit_helpers.h"

TestSuite(dict, .init = ut_setup);

static Value call(Value self, const char *name, Value *args, int n)
{
    return obj_call_method(self, name, args, n);
}

static DictObj *D(void)
{
    return dict_new();
}

Test(dict, keeps_insertion_order_across_updates_and_deletes)
{
    DictObj *d = D();
    const char *keys[] = {"zebra", "apple", "mango", "kiwi"};
    for (int i = 0; i < 4; i++)
        dict_set(d, S(keys[i]), V_INT(i));
    dict_set(d, S("apple"), V_INT(9));
    dict_del(d, S("zebra"));
    dict_set(d, S("zebra"), V_INT(1));
    cr_assert_str_eq(repr_of(V_OBJ(d)), "{'apple': 9, 'mango': 2, 'kiwi': 3, 'zebra': 1}");
    cr_assert_eq(d->used, 4);
}

Test(dict, survives_many_inserts_and_deletes)
{
    DictObj *d = D();
    for (int i = 0; i < 1000; i++)
        cr_assert_eq(dict_set(d, V_INT(i * 37 % 1009), V_INT(i)), 0);
    for (int i = 0; i < 1000; i += 2)
        cr_assert_eq(dict_del(d, V_INT(i * 37 % 1009)), 0);
    cr_assert_eq(d->used, 500);
    for (int i = 0; i < 1000; i++) {
        Value v;
        int r = dict_lookup(d, V_INT(i * 37 % 1009), &v);
        cr_assert_eq(r, i % 2);
        if (r)
            cr_assert_eq(AS_INT(v), i);
    }
    size_t pos = 0;
    Value k, v;
    cr_assert(dict_next(d, &pos, &k, &v));
    cr_assert_eq(AS_INT(v), 1, "the oldest live entry comes first");
}

Test(dict, numeric_keys_that_compare_equal_share_an_entry)
{
    DictObj *d = D();
    dict_set(d, V_INT(1), S("a"));
    dict_set(d, V_FLOAT(1.0), S("b"));
    dict_set(d, V_TRUE, S("c"));
    cr_assert_str_eq(repr_of(V_OBJ(d)), "{1: 'c'}");
}

Test(dict, version_changes_on_every_mutation)
{
    DictObj *d = D();
    uint64_t v0 = d->version;
    dict_set(d, S("x"), V_INT(1));
    uint64_t v1 = d->version;
    dict_set(d, S("x"), V_INT(2));
    uint64_t v2 = d->version;
    dict_del(d, S("x"));
    cr_assert(v0 != v1 && v1 != v2 && v2 != d->version);
    DictObj *e = D();
    cr_assert_neq(e->version, d->version, "versions are unique across dicts");
}

Test(dict, get_str_fast_path_finds_interned_and_plain_keys)
{
    DictObj *d = D();
    dict_set_str(d, str_intern_cstr("name"), V_INT(1));
    dict_set(d, S("plain"), V_INT(2));
    dict_set(d, V_INT(5), V_INT(3));
    cr_assert_eq(AS_INT(dict_get_str(d, str_intern_cstr("name"))), 1);
    cr_assert_eq(AS_INT(dict_get_str(d, str_intern_cstr("plain"))), 2);
    cr_assert(IS_NULL(dict_get_str(d, str_intern_cstr("missing"))));
    cr_assert_eq(AS_INT(dict_get_cstr(d, "name")), 1);
}

Test(dict, missing_key_raises_keyerror_with_the_key)
{
    DictObj *d = D();
    Value r = obj_getitem(V_OBJ(d), S("missing"));
    cr_assert(IS_NULL(r));
    Value e = err_fetch();
    cr_assert_eq(val_type(e), &exc_KeyError);
    cr_assert_str_eq(cstr(obj_str(e)), "'missing'");
    cr_assert_eq(dict_del(d, V_INT(3)), -1);
    err_clear();
    expect_error(obj_getitem(V_OBJ(d), V_OBJ(list_new(0))), &exc_TypeError,
                 "unhashable type: 'list'");
}

Test(dict, methods_get_setdefault_pop_popitem)
{
    Value d = V_OBJ(D());
    Value a[2] = {S("a"), V_INT(1)};
    cr_assert(IS_NONE(call(d, "get", a, 1)));
    cr_assert_eq(AS_INT(call(d, "setdefault", a, 2)), 1);
    a[1] = V_INT(5);
    cr_assert_eq(AS_INT(call(d, "setdefault", a, 2)), 1);
    cr_assert_eq(AS_INT(call(d, "get", a, 2)), 1);
    a[0] = S("zz");
    cr_assert_eq(AS_INT(call(d, "pop", a, 2)), 5);
    expect_error(call(d, "pop", a, 1), &exc_KeyError, "'zz'");
    cr_assert_str_eq(repr_of(call(d, "popitem", NULL, 0)), "('a', 1)");
    expect_error(call(d, "popitem", NULL, 0), &exc_KeyError,
                 "'popitem(): dictionary is empty'");
    expect_error(call(d, "get", NULL, 0), &exc_TypeError,
                 "get expected at least 1 argument, got 0");
}

Test(dict, update_from_dict_pairs_and_keywords)
{
    Value d = V_OBJ(D());
    DictObj *src = D();
    dict_set(src, S("b"), V_INT(2));
    Value a[3] = {V_OBJ(src)};
    call(d, "update", a, 1);
    ListObj *pairs = list_new(0);
    list_append(pairs, V_OBJ(tuple_pack(2, S("c"), V_INT(3))));
    list_append(pairs, V_OBJ(tuple_pack(2, S("b"), V_INT(20))));
    a[0] = V_OBJ(pairs);
    a[1] = V_INT(4);
    TupleObj *kw = tuple_pack(1, V_OBJ(str_intern_cstr("d")));
    Value m = obj_getattr_cstr(d, "update");
    cr_assert(IS_NONE(obj_call(m, a, 1, kw)));
    cr_assert_str_eq(repr_of(d), "{'b': 20, 'c': 3, 'd': 4}");
    ListObj *bad = list_new(0);
    list_append(bad, V_OBJ(tuple_pack(3, V_INT(1), V_INT(2), V_INT(3))));
    a[0] = V_OBJ(bad);
    expect_error(call(d, "update", a, 1), &exc_ValueError,
                 "dictionary update sequence element #0 has length 3; 2 is required");
    bad->items[0] = V_INT(1);
    expect_error(call(d, "update", a, 1), &exc_TypeError,
                 "cannot convert dictionary update sequence element #0 to a sequence");
}

Test(dict, views_len_contains_repr_and_iteration)
{
    Value d = V_OBJ(D());
    dict_set((DictObj *)AS_OBJ(d), S("one"), V_INT(1));
    Value keys = call(d, "keys", NULL, 0);
    dict_set((DictObj *)AS_OBJ(d), S("two"), V_INT(2));
    cr_assert_str_eq(repr_of(keys), "dict_keys(['one', 'two'])");
    cr_assert_str_eq(repr_of(call(d, "values", NULL, 0)), "dict_values([1, 2])");
    Value items = call(d, "items", NULL, 0);
    cr_assert_str_eq(repr_of(items), "dict_items([('one', 1), ('two', 2)])");
    cr_assert_eq(obj_len(keys), 2);
    cr_assert_eq(obj_contains(keys, S("two")), 1);
    cr_assert_eq(obj_contains(items, V_OBJ(tuple_pack(2, S("one"), V_INT(1)))), 1);
    cr_assert_eq(obj_contains(items, V_OBJ(tuple_pack(2, S("one"), V_INT(2)))), 0);
    cr_assert_eq(obj_contains(call(d, "values", NULL, 0), V_FLOAT(2.0)), 1);
    Value it = obj_iter(items);
    cr_assert_str_eq(repr_of(obj_next(it)), "('one', 1)");
}

Test(dict, keys_view_set_operations)
{
    Value d = V_OBJ(D());
    dict_set((DictObj *)AS_OBJ(d), V_INT(1), V_NONE);
    dict_set((DictObj *)AS_OBJ(d), V_INT(2), V_NONE);
    Value keys = call(d, "keys", NULL, 0);
    SetObj *s = set_new();
    set_add(s, V_INT(2));
    set_add(s, V_INT(3));
    cr_assert_str_eq(repr_of(obj_binop(keys, V_OBJ(s), BOP_AND)), "{2}");
    cr_assert_str_eq(repr_of(obj_binop(keys, V_OBJ(s), BOP_OR)), "{1, 2, 3}");
    cr_assert_str_eq(repr_of(obj_binop(V_OBJ(s), keys, BOP_SUB)), "{3}");
}

Test(dict, iteration_detects_size_change)
{
    Value d = V_OBJ(D());
    dict_set((DictObj *)AS_OBJ(d), V_INT(1), V_INT(1));
    dict_set((DictObj *)AS_OBJ(d), V_INT(2), V_INT(2));
    Value it = obj_iter(d);
    cr_assert_eq(AS_INT(obj_next(it)), 1);
    dict_set((DictObj *)AS_OBJ(d), V_INT(11), V_INT(0));
    expect_error(obj_next(it), &exc_RuntimeError,
                 "dictionary changed size during iteration");
}

Test(dict, repr_guards_recursion_and_equality_ignores_order)
{
    DictObj *a = D(), *b = D();
    dict_set(a, S("x"), V_INT(1));
    dict_set(a, S("y"), V_INT(2));
    dict_set(b, S("y"), V_INT(2));
    dict_set(b, S("x"), V_FLOAT(1.0));
    cr_assert_eq(obj_richcmp_bool(V_OBJ(a), V_OBJ(b), CMP_EQ), 1);
    dict_set(b, S("x"), V_INT(3));
    cr_assert_eq(obj_richcmp_bool(V_OBJ(a), V_OBJ(b), CMP_NE), 1);
    dict_set(a, S("me"), V_OBJ(a));
    cr_assert_str_eq(repr_of(V_OBJ(a)), "{'x': 1, 'y': 2, 'me': {...}}");
}

Test(dict, merge_operator_constructor_and_fromkeys)
{
    DictObj *a = D(), *b = D();
    dict_set(a, S("x"), V_INT(1));
    dict_set(b, S("y"), V_INT(2));
    dict_set(b, S("x"), V_INT(3));
    cr_assert_str_eq(repr_of(obj_binop(V_OBJ(a), V_OBJ(b), BOP_OR)), "{'x': 3, 'y': 2}");
    cr_assert_str_eq(repr_of(V_OBJ(a)), "{'x': 1}");
    Value args[2] = {V_OBJ(a), V_INT(5)};
    TupleObj *kw = tuple_pack(1, V_OBJ(str_intern_cstr("k")));
    cr_assert_str_eq(repr_of(obj_call(V_OBJ(&dict_type), args, 1, kw)),
                     "{'x': 1, 'k': 5}");
    args[0] = S("ab");
    args[1] = V_INT(0);
    Value fk = obj_getattr_cstr(V_OBJ(&dict_type), "fromkeys");
    cr_assert_str_eq(repr_of(obj_call(fk, args, 2, NULL)), "{'a': 0, 'b': 0}");
}

Test(dict, reversed_yields_keys_last_first)
{
    DictObj *d = D();
    dict_set(d, V_INT(1), V_NONE);
    dict_set(d, V_INT(2), V_NONE);
    Value it = dict_reversed_new(d);
    cr_assert_eq(AS_INT(obj_next(it)), 2);
    cr_assert_eq(AS_INT(obj_next(it)), 1);
    cr_assert(IS_NULL(obj_next(it)));
}

Test(dict, copy_and_clear)
{
    DictObj *d = D();
    for (int i = 0; i < 20; i++)
        dict_set(d, V_INT(i), V_INT(i * i));
    for (int i = 0; i < 20; i += 3)
        dict_del(d, V_INT(i));
    DictObj *c = dict_copy(d);
    cr_assert_eq(obj_richcmp_bool(V_OBJ(c), V_OBJ(d), CMP_EQ), 1);
    dict_clear(d);
    cr_assert_eq(d->used, 0);
    cr_assert_str_eq(repr_of(V_OBJ(d)), "{}");
    cr_assert_eq(c->used, 13);
}

Test(dict, contents_survive_a_collection)
{
    DictObj *d = D();
    Value dv = V_OBJ(d);
    gc_root_push(&dv);
    for (int i = 0; i < 200; i++) {
        StrObj *k = str_printf("key%d", i);
        ListObj *v = list_new(0);
        list_append(v, V_OBJ(str_printf("value%d", i)));
        dict_set(d, V_OBJ(k), V_OBJ(v));
    }
    gc_collect();
    cr_assert_str_eq(repr_of(dict_get_cstr(d, "key123")), "['value123']");
    Value it = obj_iter(call(dv, "items", NULL, 0));
    gc_root_push(&it);
    gc_collect();
    cr_assert_str_eq(repr_of(obj_next(it)), "('key0', ['value0'])");
    gc_root_pop(2);
}

Test(dict, keys_version_changes_only_when_keys_do)
{
    DictObj *d = D();
    StrObj *a = str_intern_cstr("alpha"), *b = str_intern_cstr("beta");
    dict_set_str(d, a, V_INT(1));
    uint64_t k0 = d->keys_version, v0 = d->version;
    dict_set_str(d, a, V_INT(2));
    cr_assert_eq(d->keys_version, k0, "a value update keeps the key set");
    cr_assert_neq(d->version, v0, "but is a mutation");
    dict_set_str(d, b, V_INT(3));
    uint64_t k1 = d->keys_version;
    cr_assert_neq(k1, k0, "a new key changes the key set");
    dict_del(d, V_OBJ(b));
    cr_assert_neq(d->keys_version, k1, "so does a deleted key");
    uint64_t k2 = d->keys_version;
    dict_clear(d);
    cr_assert_neq(d->keys_version, k2, "and clear");
}

Test(dict, index_str_and_replace_at_work_by_position)
{
    DictObj *d = D();
    StrObj *a = str_intern_cstr("alpha"), *b = str_intern_cstr("beta");
    cr_assert_eq(dict_index_str(d, a), -1, "empty dict");
    dict_set_str(d, a, V_INT(1));
    dict_set_str(d, b, V_INT(2));
    int32_t ia = dict_index_str(d, a), ib = dict_index_str(d, b);
    cr_assert(ia >= 0 && ib >= 0 && ia != ib);
    uint64_t k = d->keys_version, v = d->version;
    cr_assert_eq(dict_replace_at(d, ib, b, V_INT(20)), 1);
    cr_assert_eq(dict_get_str(d, b).as.i, 20);
    cr_assert_eq(d->keys_version, k);
    cr_assert_neq(d->version, v, "attribute caches must see the change");
    cr_assert_eq(dict_replace_at(d, ia, b, V_INT(7)), 0, "wrong key there");
    cr_assert_eq(dict_replace_at(d, 99, b, V_INT(7)), 0, "out of range");
    cr_assert_eq(dict_replace_at(d, -1, b, V_INT(7)), 0, "no position");
    cr_assert_eq(dict_get_str(d, a).as.i, 1, "nothing else changed");
    dict_del(d, V_OBJ(b));
    cr_assert_eq(dict_replace_at(d, ib, b, V_INT(7)), 0, "deleted entry");
    cr_assert_eq(dict_index_str(d, b), -1);
}

Test(dict, set_str_at_reports_where_the_key_sits)
{
    DictObj *d = D();
    StrObj *a = str_intern_cstr("alpha"), *b = str_intern_cstr("beta");
    cr_assert_eq(dict_set_str_at(d, a, V_INT(1)), 0, "first key, first entry");
    cr_assert_eq(dict_set_str_at(d, b, V_INT(2)), 1);
    cr_assert_eq(dict_set_str_at(d, a, V_INT(3)), 0, "an update stays put");
    cr_assert_eq(dict_get_str(d, a).as.i, 3);
    dict_del(d, V_OBJ(a));
    cr_assert_eq(dict_set_str_at(d, a, V_INT(4)), 2, "re-added: last");
    for (int i = 0; i < 100; i++) {
        char name[16];
        snprintf(name, sizeof name, "k%d", i);
        StrObj *k = str_intern_cstr(name);
        int32_t ix = dict_set_str_at(d, k, V_INT(i));
        cr_assert_eq(ix, dict_index_str(d, k), "across resizes");
    }
    cr_assert_eq(dict_set_str_at(d, a, V_INT(5)), dict_index_str(d, a));
}

Test(dict, only_watched_dicts_move_the_watch_epoch)
{
    DictObj *d = D(), *other = D();
    StrObj *a = str_intern_cstr("alpha");
    uint64_t e = dict_watch_epoch;
    dict_set_str(d, a, V_INT(1));
    cr_assert_eq(dict_watch_epoch, e, "not watched yet");
    dict_watch(d);
    dict_set_str(d, a, V_INT(2));
    cr_assert_neq(dict_watch_epoch, e, "a value change");
    e = dict_watch_epoch;
    cr_assert_eq(dict_replace_at(d, dict_index_str(d, a), a, V_INT(3)), 1);
    cr_assert_neq(dict_watch_epoch, e, "a positional store");
    e = dict_watch_epoch;
    dict_set_str(d, str_intern_cstr("beta"), V_INT(4));
    cr_assert_neq(dict_watch_epoch, e, "a new key");
    e = dict_watch_epoch;
    dict_del(d, V_OBJ(a));
    cr_assert_neq(dict_watch_epoch, e, "a deletion");
    e = dict_watch_epoch;
    dict_clear(d);
    cr_assert_neq(dict_watch_epoch, e, "clear");
    e = dict_watch_epoch;
    dict_set_str(other, a, V_INT(1));
    cr_assert_eq(dict_watch_epoch, e, "other dicts stay unwatched");
}
