/* Unit tests for runtime/bytes.c: literal repr, the sequence protocol,
 * the constructor's forms and errors, and the common methods. */
#include <criterion/criterion.h>
#include <string.h>

#include "runtime/runtime.h"
#include "unit_helpers.h"

TestSuite(bytes, .init = ut_setup);

static Value B(const char *s, size_t n)
{
    return V_OBJ(bytes_new(s, n));
}

static Value ctor(int n, Value a, Value b)
{
    Value args[2] = {a, b};
    return obj_call(V_OBJ(&bytes_type), args, n, NULL);
}

Test(bytes, repr_escapes_like_literals)
{
    cr_assert_str_eq(repr_of(B("\x00\x7f\x80\xff'\"\\ \t\n\r", 11)),
                     "b'\\x00\\x7f\\x80\\xff\\'\"\\\\ \\t\\n\\r'");
    cr_assert_str_eq(repr_of(B("it's", 4)), "b\"it's\"");
    cr_assert_str_eq(repr_of(B("", 0)), "b''");
    cr_assert_str_eq(cstr(obj_str(B("abc", 3))), "b'abc'");
}

Test(bytes, indexing_gives_ints_and_slices_give_bytes)
{
    Value b = B("ABCDEF", 6);
    cr_assert(IS_INT(obj_getitem(b, V_INT(0))));
    cr_assert_eq(AS_INT(obj_getitem(b, V_INT(-1))), 'F');
    cr_assert_str_eq(repr_of(obj_getitem(b, slice_new(V_NONE, V_NONE,
                     V_INT(-2)))), "b'FDB'");
    expect_error(obj_getitem(b, V_INT(10)), &exc_IndexError,
                 "index out of range");
    expect_error(obj_getitem(b, S("x")), &exc_TypeError,
                 "byte indices must be integers or slices, not str");
    Value it = obj_iter(B("az", 2));
    cr_assert_eq(AS_INT(obj_next(it)), 'a');
    cr_assert_eq(AS_INT(obj_next(it)), 'z');
    cr_assert(IS_NULL(obj_next(it)) && !err_occurred());
}

Test(bytes, contains_concat_compare)
{
    Value b = B("ABCDEF", 6);
    cr_assert_eq(obj_contains(b, V_INT(65)), 1);
    cr_assert_eq(obj_contains(b, B("CD", 2)), 1);
    cr_assert_eq(obj_contains(b, B("XY", 2)), 0);
    cr_assert_eq(obj_contains(b, V_INT(300)), -1);
    expect_error(V_NULL, &exc_ValueError, "byte must be in range(0, 256)");
    cr_assert_eq(obj_contains(b, S("A")), -1);
    expect_error(V_NULL, &exc_TypeError,
                 "a bytes-like object is required, not 'str'");
    cr_assert_str_eq(repr_of(obj_binop(b, B("GH", 2), BOP_ADD)),
                     "b'ABCDEFGH'");
    cr_assert_str_eq(repr_of(obj_binop(B("ab", 2), V_INT(2), BOP_MUL)),
                     "b'abab'");
    expect_error(obj_binop(b, S("c"), BOP_ADD), &exc_TypeError,
                 "can't concat str to bytes");
    cr_assert(obj_richcmp_bool(b, B("ABD", 3), CMP_LT));
    cr_assert(!obj_eq(B("x", 1), S("x")));
    int64_t h1, h2;
    obj_hash(B("abc", 3), &h1);
    obj_hash(obj_binop(B("ab", 2), B("c", 1), BOP_ADD), &h2);
    cr_assert_eq(h1, h2);
}

Test(bytes, constructor_forms)
{
    cr_assert_str_eq(repr_of(ctor(0, V_NULL, V_NULL)), "b''");
    cr_assert_str_eq(repr_of(ctor(1, V_INT(3), V_NULL)), "b'\\x00\\x00\\x00'");
    cr_assert_str_eq(repr_of(ctor(2, S("h\xc3\xa9"), S("utf-8"))),
                     "b'h\\xc3\\xa9'");
    Value t = V_OBJ(tuple_pack(2, V_INT(0), V_INT(255)));
    cr_assert_str_eq(repr_of(ctor(1, t, V_NULL)), "b'\\x00\\xff'");
    expect_error(ctor(1, V_INT(-1), V_NULL), &exc_ValueError, "negative count");
    expect_error(ctor(1, S("text"), V_NULL), &exc_TypeError,
                 "string argument without an encoding");
    t = V_OBJ(tuple_pack(1, V_INT(256)));
    expect_error(ctor(1, t, V_NULL), &exc_ValueError,
                 "bytes must be in range(0, 256)");
    t = V_OBJ(tuple_pack(1, S("a")));
    expect_error(ctor(1, t, V_NULL), &exc_TypeError,
                 "'str' object cannot be interpreted as an integer");
}

static Value call(Value self, const char *name, int n, Value a, Value b)
{
    Value args[2] = {a, b};
    return obj_call_method(self, name, args, n);
}

Test(bytes, methods)
{
    Value b = B("  hello world  ", 15);
    cr_assert_str_eq(repr_of(call(b, "strip", 0, V_NULL, V_NULL)),
                     "b'hello world'");
    cr_assert_str_eq(repr_of(call(b, "split", 0, V_NULL, V_NULL)),
                     "[b'hello', b'world']");
    cr_assert_str_eq(repr_of(call(B("a,b,,c", 6), "split", 1, B(",", 1),
                     V_NULL)), "[b'a', b'b', b'', b'c']");
    Value parts = V_OBJ(tuple_pack(2, B("x", 1), B("y", 1)));
    cr_assert_str_eq(repr_of(call(B(",", 1), "join", 1, parts, V_NULL)),
                     "b'x,y'");
    cr_assert_eq(AS_INT(call(b, "find", 1, B("world", 5), V_NULL)), 8);
    cr_assert_eq(AS_INT(call(b, "count", 1, B("l", 1), V_NULL)), 3);
    cr_assert_str_eq(repr_of(call(B("aaa", 3), "replace", 2, B("a", 1),
                     B("b", 1))), "b'bbb'");
    cr_assert_str_eq(cstr(call(B("dead", 4), "hex", 0, V_NULL, V_NULL)),
                     "64656164");
    cr_assert_str_eq(repr_of(call(B("key=val", 7), "partition", 1, B("=", 1),
                     V_NULL)), "(b'key', b'=', b'val')");
    cr_assert_str_eq(repr_of(call(B("Hello", 5), "upper", 0, V_NULL, V_NULL)),
                     "b'HELLO'");
    cr_assert(AS_BOOL(call(B("123", 3), "isdigit", 0, V_NULL, V_NULL)));
    cr_assert_str_eq(cstr(call(B("caf\xc3\xa9", 5), "decode", 0, V_NULL,
                     V_NULL)), "caf\xc3\xa9");
    expect_error(call(B("\xff\xfe", 2), "decode", 0, V_NULL, V_NULL),
                 &exc_UnicodeDecodeError,
                 "'utf-8' codec can't decode byte 0xff in position 0: "
                 "invalid start byte");
}
