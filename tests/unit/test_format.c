/* Unit tests for runtime/format.c: format(value, spec), str.format and
 * printf-style %, each expectation taken from CPython 3.11. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "runtime/runtime.h"
#include "unit_helpers.h"

TestSuite(format, .init = ut_setup);

static const char *fmt(Value v, const char *spec)
{
    return cstr(str_format_value(v, str_from_cstr(spec)));
}

typedef struct Case {
    Value v;
    const char *spec, *want;
} Case;

static void run_cases(const Case *c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        cr_assert_str_eq(fmt(c[i].v, c[i].spec), c[i].want, "spec '%s'",
                         c[i].spec);
}

Test(format, int_specs)
{
    static const Case cases[] = {
        {V_INT(7), "5d", "    7"}, {V_INT(7), "<5d", "7    "},
        {V_INT(-7), "05d", "-0007"}, {V_INT(7), "+d", "+7"},
        {V_INT(3054), "x", "bee"}, {V_INT(3054), "#X", "0XBEE"},
        {V_INT(5), "#b", "0b101"}, {V_INT(-5), "#b", "-0b101"},
        {V_INT(9876543), ",", "9,876,543"}, {V_INT(1234567), "_", "1_234_567"},
        {V_INT(1048575), "_x", "f_ffff"}, {V_INT(1234), "010,", "00,001,234"},
        {V_INT(1234), "09,", "0,001,234"}, {V_INT(1234), "07,", "001,234"},
        {V_INT(-1234), "09,", "-0,001,234"}, {V_INT(255), "#010x", "0x000000ff"},
        {V_INT(5), "<05", "50000"}, {V_INT(5), "^05", "00500"},
        {V_INT(65), "c", "A"}, {V_INT(1234), "x<10", "1234xxxxxx"},
        {V_INT(-1), "=+5", "-   1"}, {V_INT(12), "%", "1200.000000%"},
        {V_INT(3), ".2f", "3.00"}, {V_INT(1234), "n", "1234"},
        {V_TRUE, "", "True"}, {V_TRUE, ">5", "    1"}, {V_TRUE, "f", "1.000000"},
    };
    run_cases(cases, sizeof cases / sizeof *cases);
}

Test(format, float_specs)
{
    static const Case cases[] = {
        {V_FLOAT(2.0 / 3), ".2f", "0.67"}, {V_FLOAT(2.0 / 3), "10.4f", "    0.6667"},
        {V_FLOAT(2.0 / 3), "e", "6.666667e-01"}, {V_FLOAT(12345.0), ".3e", "1.234e+04"},
        {V_FLOAT(2.0 / 3), "g", "0.666667"}, {V_FLOAT(1e16), "g", "1e+16"},
        {V_FLOAT(1.5e-5), "g", "1.5e-05"}, {V_FLOAT(1234567.0), "g", "1.23457e+06"},
        {V_FLOAT(1e16), "", "1e+16"}, {V_FLOAT(1.5), "", "1.5"},
        {V_FLOAT(1.0), ".3", "1.0"}, {V_FLOAT(1234.5), ".2", "1.2e+03"},
        {V_FLOAT(100.0), ".0", "1e+02"}, {V_FLOAT(1234567.5), ",", "1,234,567.5"},
        {V_FLOAT(9876543.21), ",.1f", "9,876,543.2"}, {V_FLOAT(0.5), "%", "50.000000%"},
        {V_FLOAT(1.0 / 3), ".2%", "33.33%"}, {V_FLOAT(0.125), ".2f", "0.12"},
        {V_FLOAT(0.375), ".2f", "0.38"}, {V_FLOAT(-0.0), ".1f", "-0.0"},
        {V_FLOAT(-0.0), "z.1f", "0.0"}, {V_FLOAT(12345.0), ",e", "1.234500e+04"},
        {V_FLOAT(INFINITY), "010", "0000000inf"}, {V_FLOAT(NAN), "+", "+nan"},
        {V_FLOAT(-INFINITY), "F", "-INF"}, {V_FLOAT(1.0), "#g", "1.00000"},
        {V_FLOAT(12.0), "g", "12"}, {V_FLOAT(-1.5), "010", "-0000001.5"},
        {V_FLOAT(-1.5), "<010", "-1.5000000"}, {V_FLOAT(1.5), "=10", "       1.5"},
        {V_FLOAT(1.5), "12,.3%", "    150.000%"}, {V_FLOAT(1e-7), ".3", "1e-07"},
        {V_FLOAT(1.5), "<<", "1.5"}, {V_FLOAT(1.5), "n", "1.5"},
    };
    run_cases(cases, sizeof cases / sizeof *cases);
    const char *big = fmt(V_FLOAT(1e300), "f");
    cr_assert_eq(strlen(big), 308);
}

Test(format, str_specs)
{
    cr_assert_str_eq(fmt(V_NONE, ""), "None");
    cr_assert_str_eq(fmt(S("abc"), "*<5"), "abc**");
    cr_assert_str_eq(fmt(S("string"), ".3"), "str");
    cr_assert_str_eq(fmt(S("string"), ">6.2"), "    st");
    cr_assert_str_eq(fmt(S("abc"), "*^7"), "**abc**");
    cr_assert_str_eq(fmt(S("ab"), "\xc3\xa9^6"), "\xc3\xa9\xc3\xa9" "ab"
                     "\xc3\xa9\xc3\xa9");
    cr_assert_str_eq(fmt(S("x"), "05"), "x0000");
    cr_assert_str_eq(fmt(S("\xc3\xa9"), ">3"), "  \xc3\xa9");
}

Test(format, spec_errors)
{
    expect_error(str_format_value(V_FLOAT(1.5), str_from_cstr("d")),
                 &exc_ValueError,
                 "Unknown format code 'd' for object of type 'float'");
    expect_error(str_format_value(S("s"), str_from_cstr("f")), &exc_ValueError,
                 "Unknown format code 'f' for object of type 'str'");
    expect_error(str_format_value(V_INT(1), str_from_cstr(".2")),
                 &exc_ValueError,
                 "Precision not allowed in integer format specifier");
    expect_error(str_format_value(V_INT(1), str_from_cstr(",x")),
                 &exc_ValueError, "Cannot specify ',' with 'x'.");
    expect_error(str_format_value(V_INT(1), str_from_cstr(",_")),
                 &exc_ValueError, "Cannot specify both ',' and '_'.");
    expect_error(str_format_value(V_INT(1), str_from_cstr("5x5")),
                 &exc_ValueError,
                 "Invalid format specifier '5x5' for object of type 'int'");
    expect_error(str_format_value(V_INT(1), str_from_cstr(".")),
                 &exc_ValueError, "Format specifier missing precision");
    expect_error(str_format_value(S("a"), str_from_cstr("=5")), &exc_ValueError,
                 "'=' alignment not allowed in string format specifier");
    expect_error(str_format_value(S("a"), str_from_cstr("+")), &exc_ValueError,
                 "Sign not allowed in string format specifier");
    expect_error(str_format_value(V_INT(65), str_from_cstr("+c")),
                 &exc_ValueError,
                 "Sign not allowed with integer format specifier 'c'");
    expect_error(str_format_value(V_NONE, str_from_cstr(">5")), &exc_TypeError,
                 "unsupported format string passed to NoneType.__format__");
}

/* fmt.format(*args, **{names[i]: kwvals[i]}) */
static Value sformat(const char *f, Value *args, int n, const char *kwname,
                     Value kwval)
{
    Value all[8];
    memcpy(all, args, (size_t)n * sizeof *args);
    TupleObj *kw = NULL;
    if (kwname) {
        kw = tuple_pack(1, V_OBJ(str_intern_cstr(kwname)));
        all[n] = kwval;
    }
    return str_format_method(str_from_cstr(f), all, n, kw);
}

Test(format, format_method_fields)
{
    Value a[3] = {V_INT(1), V_INT(5), S("x")};
    cr_assert_str_eq(cstr(sformat("{} {} {}", a, 3, NULL, V_NULL)), "1 5 x");
    cr_assert_str_eq(cstr(sformat("{2}{0}{{}}", a, 3, NULL, V_NULL)), "x1{}");
    cr_assert_str_eq(cstr(sformat("{:{}}|", a, 2, NULL, V_NULL)), "    1|");
    cr_assert_str_eq(cstr(sformat("{0:>{w}}", a, 1, "w", V_INT(4))), "   1");
    cr_assert_str_eq(cstr(sformat("{name!r:>5}", a, 0, "name", S("a"))),
                     "  'a'");
    Value l = V_OBJ(tuple_pack(2, V_INT(10), V_INT(20)));
    cr_assert_str_eq(cstr(sformat("{0[1]}", &l, 1, NULL, V_NULL)), "20");
    Value e = S("\xc3\xa9");
    cr_assert_str_eq(cstr(sformat("{!a}", &e, 1, NULL, V_NULL)), "'\\xe9'");
}

Test(format, format_method_errors)
{
    Value a[2] = {V_INT(1), V_INT(2)};
    expect_error(sformat("{0} {}", a, 2, NULL, V_NULL), &exc_ValueError,
                 "cannot switch from manual field specification to "
                 "automatic field numbering");
    expect_error(sformat("{} {1}", a, 2, NULL, V_NULL), &exc_ValueError,
                 "cannot switch from automatic field numbering to manual "
                 "field specification");
    expect_error(sformat("{2}", a, 1, NULL, V_NULL), &exc_IndexError,
                 "Replacement index 2 out of range for positional args tuple");
    expect_error(sformat("{x}", a, 1, NULL, V_NULL), &exc_KeyError, "'x'");
    expect_error(sformat("{", a, 0, NULL, V_NULL), &exc_ValueError,
                 "Single '{' encountered in format string");
    expect_error(sformat("}", a, 0, NULL, V_NULL), &exc_ValueError,
                 "Single '}' encountered in format string");
    expect_error(sformat("{0!x}", a, 1, NULL, V_NULL), &exc_ValueError,
                 "Unknown conversion specifier x");
    expect_error(sformat("{a", a, 0, NULL, V_NULL), &exc_ValueError,
                 "expected '}' before end of string");
}

static Value pct(const char *f, Value args)
{
    return str_percent_format(str_from_cstr(f), args);
}

Test(format, percent_conversions)
{
    cr_assert_str_eq(cstr(pct("%-5d|%05d|%+.3d", V_OBJ(tuple_pack(3, V_INT(3),
                     V_INT(-3), V_INT(3))))), "3    |-0003|+003");
    cr_assert_str_eq(cstr(pct("%#x %#o %#X", V_OBJ(tuple_pack(3, V_INT(255),
                     V_INT(8), V_INT(255))))), "0xff 0o10 0XFF");
    cr_assert_str_eq(cstr(pct("%*d|%.*f", V_OBJ(tuple_pack(4, V_INT(5),
                     V_INT(3), V_INT(2), V_FLOAT(3.14159))))), "    3|3.14");
    cr_assert_str_eq(cstr(pct("%e %g %G", V_OBJ(tuple_pack(3,
                     V_FLOAT(12345.678), V_FLOAT(1e-10), V_FLOAT(1e20))))),
                     "1.234568e+04 1e-10 1E+20");
    cr_assert_str_eq(cstr(pct("%r %a %.2s", V_OBJ(tuple_pack(3, S("\xc3\xa9"),
                     S("\xc3\xa9"), S("abc"))))), "'\xc3\xa9' '\\xe9' ab");
    cr_assert_str_eq(cstr(pct("%i %u %c%c %%", V_OBJ(tuple_pack(4,
                     V_FLOAT(3.9), V_FLOAT(-2.1), V_INT(65), S("z"))))),
                     "3 -2 Az %");
    cr_assert_str_eq(cstr(pct("%05.1f|", V_OBJ(tuple_pack(1,
                     V_FLOAT(-INFINITY))))), "-0inf|");
    cr_assert_str_eq(cstr(pct("%s", V_INT(5))), "5");
    Value inner = V_OBJ(tuple_pack(2, V_INT(1), V_INT(2)));
    cr_assert_str_eq(cstr(pct("%s", V_OBJ(tuple_pack(1, inner)))), "(1, 2)");
}

Test(format, percent_mapping)
{
    DictObj *d = dict_new();
    dict_set(d, S("a"), V_INT(1));
    dict_set(d, S("b"), V_FLOAT(2.7));
    cr_assert_str_eq(cstr(pct("%(a)s %(b)d", V_OBJ(d))), "1 2");
    cr_assert_str_eq(cstr(pct("abc", V_OBJ(d))), "abc");
    cr_assert_str_eq(cstr(pct("%s", V_OBJ(d))), "{'a': 1, 'b': 2.7}");
    expect_error(pct("%(zz)s", V_OBJ(d)), &exc_KeyError, "'zz'");
    expect_error(pct("%(k)s", V_OBJ(tuple_pack(1, V_INT(1)))), &exc_TypeError,
                 "format requires a mapping");
}

Test(format, percent_errors)
{
    expect_error(pct("%d", V_OBJ(tuple_pack(1, S("a")))), &exc_TypeError,
                 "%d format: a real number is required, not str");
    expect_error(pct("%d %d", V_OBJ(tuple_pack(1, V_INT(1)))), &exc_TypeError,
                 "not enough arguments for format string");
    expect_error(pct("%d", V_OBJ(tuple_pack(2, V_INT(1), V_INT(2)))),
                 &exc_TypeError,
                 "not all arguments converted during string formatting");
    expect_error(pct("%z", V_OBJ(tuple_pack(1, V_INT(1)))), &exc_ValueError,
                 "unsupported format character 'z' (0x7a) at index 1");
    expect_error(pct("%x", V_OBJ(tuple_pack(1, V_FLOAT(1.5)))), &exc_TypeError,
                 "%x format: an integer is required, not float");
    expect_error(pct("%f", V_OBJ(tuple_pack(1, S("a")))), &exc_TypeError,
                 "must be real number, not str");
    expect_error(pct("%c", V_OBJ(tuple_pack(1, S("ab")))), &exc_TypeError,
                 "%c requires int or char");
    expect_error(pct("%5", V_OBJ(tuple_pack(1, V_INT(1)))), &exc_ValueError,
                 "incomplete format");
    expect_error(pct("abc", V_INT(5)), &exc_TypeError,
                 "not all arguments converted during string formatting");
}
