/* format.c - the three ways Python turns values into text on request:
 * format(value, spec) with the format-spec mini-language, str.format with
 * its replacement fields, and printf-style `str % args`.
 *
 * Numbers are laid out in three parts - sign, prefix (0x ...) and digits -
 * so that padding can go around them all or, for '=' alignment and zero
 * padding, between the sign and the digits, as CPython does.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

/* ------------------------------------------------------------------ */
/* Format specs                                                         */

typedef struct Spec {
    uint32_t fill;
    char align;  /* '<' '>' '^' '=' or 0 for the type's default */
    char sign;   /* '+' '-' ' ' or 0 */
    int z;       /* coerce negative zero */
    int alt;     /* '#' */
    int64_t width; /* -1: none */
    char group;  /* ',' '_' or 0 */
    int64_t prec;  /* -1: none */
    char type;   /* 0 for none */
    int zero_align; /* align '=' came from the '0' flag, not the spec */
} Spec;

static int is_align(char c)
{
    return c == '<' || c == '>' || c == '^' || c == '=';
}

static int parse_num(const char **p, const char *end, int64_t *out)
{
    int64_t v = 0;
    int any = 0;
    while (*p < end && **p >= '0' && **p <= '9') {
        if (v > 1000000000)
            return err_set(&exc_ValueError, "Too many decimal digits in "
                                            "format string"), -1;
        v = v * 10 + (**p - '0');
        (*p)++;
        any = 1;
    }
    *out = any ? v : -1;
    return 0;
}

static int parse_spec(StrObj *s, Spec *sp, const char *tname, char deftype)
{
    const char *p = s ? s->data : "", *end = p + (s ? s->nbytes : 0);
    memset(sp, 0, sizeof *sp);
    sp->fill = ' ';
    sp->width = sp->prec = -1;
    int fill_set = 0;
    if (p < end) {
        uint32_t cp;
        int l = str_utf8_decode(p, &cp);
        if (p + l < end && is_align(p[l])) {
            sp->fill = cp;
            sp->align = p[l];
            fill_set = 1;
            p += l + 1;
        } else if (is_align(*p)) {
            sp->align = *p++;
        }
    }
    if (p < end && (*p == '+' || *p == '-' || *p == ' '))
        sp->sign = *p++;
    if (p < end && *p == 'z') {
        sp->z = 1;
        p++;
    }
    if (p < end && *p == '#') {
        sp->alt = 1;
        p++;
    }
    if (p < end && *p == '0') {
        if (!fill_set)
            sp->fill = '0';
        if (!sp->align) {
            sp->align = '=';
            sp->zero_align = 1;
        }
        p++;
    }
    if (parse_num(&p, end, &sp->width) < 0)
        return -1;
    if (p < end && (*p == ',' || *p == '_')) {
        sp->group = *p++;
        if (p < end && (*p == ',' || *p == '_')) {
            if (*p == sp->group)
                err_set(&exc_ValueError, "Cannot specify '%c' with '%c'.", *p,
                        *p);
            else
                err_set(&exc_ValueError, "Cannot specify both ',' and '_'.");
            return -1;
        }
    }
    if (p < end && *p == '.') {
        p++;
        if (parse_num(&p, end, &sp->prec) < 0)
            return -1;
        if (sp->prec < 0) {
            err_set(&exc_ValueError, "Format specifier missing precision");
            return -1;
        }
    }
    if (end - p > 1 || (end - p == 1 && (uint8_t)*p >= 0x80)) {
        err_set(&exc_ValueError,
                "Invalid format specifier '%s' for object of type '%s'",
                s->data, tname);
        return -1;
    }
    if (p < end)
        sp->type = *p;
    /* Grouping is checked against the type before anything else, so
     * format(1.5, ',c') complains about the ',' first, as CPython does. */
    if (sp->group) {
        const char *ok = sp->group == ',' ? "defgEFG%" : "defgEFG%boxX";
        char t = sp->type ? sp->type : deftype;
        if (t && !strchr(ok, t)) {
            err_set(&exc_ValueError, "Cannot specify '%c' with '%c'.",
                    sp->group, t);
            return -1;
        }
    }
    return 0;
}

static int unknown_code(const Spec *sp, const char *tname)
{
    err_set(&exc_ValueError, "Unknown format code '%c' for object of type '%s'",
            sp->type, tname);
    return -1;
}

static int bad_group(const Spec *sp, char type)
{
    err_set(&exc_ValueError, "Cannot specify '%c' with '%c'.", sp->group, type);
    return -1;
}

/* Inserts a separator every `every` digits from the right of digits[0..n),
 * and zero-pads on the left to at least minwidth characters when asked. */
static void put_grouped(StrBuf *b, const char *digits, size_t n, char sep,
                        int every, size_t minwidth)
{
    size_t total = n + (n - 1) / (size_t)every;
    size_t nd = n;
    /* Zero padding is grouped too: 00,001,234. */
    while (total < minwidth) {
        nd++;
        total = nd + (nd - 1) / (size_t)every;
    }
    for (size_t i = 0; i < nd; i++) {
        size_t left = nd - i;
        str_buf_putc(b, i < nd - n ? '0' : digits[i - (nd - n)]);
        if (left > 1 && (left - 1) % (size_t)every == 0)
            str_buf_putc(b, sep);
    }
}

static size_t utf8_len(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((uint8_t)s[i] & 0xC0) != 0x80;
    return c;
}

/* Lays out sign + prefix + body (body's integer part in body[0..intlen),
 * grouped if asked) within the width, and appends it to out. */
static void put_number(StrBuf *out, const Spec *sp, const char *sign,
                       const char *prefix, const char *body, size_t blen,
                       size_t intlen, int every, char defalign)
{
    StrBuf num;
    str_buf_init(&num);
    size_t head = strlen(sign) + strlen(prefix);
    char align = sp->align ? sp->align : defalign;
    size_t width = sp->width > 0 ? (size_t)sp->width : 0;
    int zero_group = align == '=' && sp->fill == '0' && sp->group;
    if (sp->group) {
        size_t rest = blen - intlen;
        size_t minw = zero_group && width > head + rest ? width - head - rest : 0;
        put_grouped(&num, body, intlen, sp->group, every, minw);
        str_buf_put(&num, body + intlen, rest);
    } else {
        str_buf_put(&num, body, blen);
    }
    size_t len = head + utf8_len(num.p, num.n);
    size_t pad = width > len ? width - len : 0;
    size_t left = 0, right = 0, mid = 0;
    switch (align) {
    case '<': right = pad; break;
    case '^': left = pad / 2; right = pad - left; break;
    case '=': mid = pad; break;
    default: left = pad; break;
    }
    str_buf_fill(out, sp->fill, left);
    str_buf_puts(out, sign);
    str_buf_puts(out, prefix);
    str_buf_fill(out, sp->fill, mid);
    str_buf_put(out, num.p, num.n);
    str_buf_fill(out, sp->fill, right);
    str_buf_free(&num);
}

static const char *sign_of(int neg, char sign)
{
    if (neg)
        return "-";
    return sign == '+' ? "+" : sign == ' ' ? " " : "";
}

/* ------------------------------------------------------------------ */
/* Integers                                                             */

static void to_base(uint64_t u, int base, int upper, char *out)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char tmp[70];
    int k = 0;
    do {
        tmp[k++] = digits[u % (unsigned)base];
        u /= (unsigned)base;
    } while (u);
    for (int i = 0; i < k; i++)
        out[i] = tmp[k - 1 - i];
    out[k] = '\0';
}

static int format_float_spec(StrBuf *out, double d, Spec *sp,
                             const char *tname);

static int format_int_char(StrBuf *out, int64_t n, Spec *sp)
{
    if (sp->sign) {
        err_set(&exc_ValueError,
                "Sign not allowed with integer format specifier 'c'");
        return -1;
    }
    if (sp->alt) {
        err_set(&exc_ValueError, "Alternate form (#) not allowed with "
                                 "integer format specifier 'c'");
        return -1;
    }
    if (sp->group)
        return bad_group(sp, 'c');
    if (n < 0 || n > 0x10FFFF) {
        err_set(&exc_OverflowError, "%%c arg not in range(0x110000)");
        return -1;
    }
    char enc[5];
    int l = str_utf8_encode((uint32_t)n, enc);
    put_number(out, sp, "", "", enc, (size_t)l, 0, 3, '>');
    return 0;
}

static int format_int_spec(StrBuf *out, int64_t n, Spec *sp, const char *tname)
{
    char t = sp->type ? sp->type : 'd';
    if (strchr("eEfFgG%", t))
        return format_float_spec(out, (double)n, sp, tname);
    if (!strchr("dnbcoxX", t))
        return unknown_code(sp, tname);
    if (sp->prec >= 0) {
        err_set(&exc_ValueError,
                "Precision not allowed in integer format specifier");
        return -1;
    }
    if (sp->z) {
        err_set(&exc_ValueError, "Negative zero coercion (z) not allowed in "
                                 "integer format specifier");
        return -1;
    }
    if (t == 'c')
        return format_int_char(out, n, sp);
    if (sp->group && (t == 'n' || (sp->group == ',' && t != 'd')))
        return bad_group(sp, t);
    int base = t == 'b' ? 2 : t == 'o' ? 8 : (t == 'x' || t == 'X') ? 16 : 10;
    const char *prefix = "";
    if (sp->alt)
        prefix = base == 2 ? "0b" : base == 8 ? "0o" : t == 'x' ? "0x"
               : t == 'X' ? "0X" : "";
    uint64_t u = n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;
    char digits[72];
    to_base(u, base, t == 'X', digits);
    put_number(out, sp, sign_of(n < 0, sp->sign), prefix, digits,
               strlen(digits), strlen(digits), base == 10 ? 3 : 4, '>');
    return 0;
}

/* ------------------------------------------------------------------ */
/* Floats                                                               */

/* Length of the integer part at the start of a formatted float body. */
static size_t int_part_len(const char *body)
{
    size_t i = 0;
    while (body[i] >= '0' && body[i] <= '9')
        i++;
    return i;
}

/* Drops trailing zeros after the decimal point in buf[0..n). */
static size_t strip_zeros(char *buf, size_t n)
{
    if (!memchr(buf, '.', n))
        return n;
    while (n > 0 && buf[n - 1] == '0')
        n--;
    if (n > 0 && buf[n - 1] == '.')
        n--;
    return n;
}

/* No presentation type but a precision: like 'g', except that exponent
 * form starts one power of ten earlier and fixed-point results keep a
 * digit after the point (format(1.0, '.3') is '1.0', format(12.0, '.2')
 * is '1.2e+01'). */
static void float_body_general(char *buf, size_t cap, double d, int p, int alt)
{
    char sci[64];
    snprintf(sci, sizeof sci, alt ? "%#.*e" : "%.*e", p - 1, d);
    char *e = strchr(sci, 'e');
    int x = atoi(e + 1);
    if (x < -4 || x >= p - 1) {
        size_t m = (size_t)(e - sci);
        if (!alt)
            m = strip_zeros(sci, m);
        snprintf(buf, cap, "%.*s%s", (int)m, sci, e);
        return;
    }
    snprintf(buf, cap, alt ? "%#.*f" : "%.*f", p - 1 - x, d);
    size_t n = strlen(buf);
    if (!alt)
        n = strip_zeros(buf, n);
    buf[n] = '\0';
    if (!strchr(buf, '.'))
        strcat(buf, ".0");
}

/* The digits of |d| for a float presentation type; d is finite. */
static void float_body(char *buf, size_t cap, double d, const Spec *sp,
                       char t)
{
    int prec = sp->prec < 0 ? 6 : (int)sp->prec;
    char f[16];
    if (t == 0 && sp->prec < 0) {
        num_float_repr_buf(d, buf);
        /* '#' keeps a decimal point even in exponent form: 1.e+16. */
        char *e = strchr(buf, 'e');
        if (sp->alt && e && !strchr(buf, '.')) {
            memmove(e + 1, e, strlen(e) + 1);
            *e = '.';
        }
        return;
    }
    if (t == 0) {
        float_body_general(buf, cap, d, prec ? prec : 1, sp->alt);
        return;
    }
    if (t == 'n')
        t = 'g';
    if ((t == 'g' || t == 'G') && prec == 0)
        prec = 1;
    snprintf(f, sizeof f, "%%%s.*%c", sp->alt ? "#" : "", t);
    snprintf(buf, cap, f, prec, d);
}

static int format_float_spec(StrBuf *out, double d, Spec *sp,
                             const char *tname)
{
    char t = sp->type;
    if (t && !strchr("eEfFgGn%", t))
        return unknown_code(sp, tname);
    if (sp->group && t == 'n')
        return bad_group(sp, 'n');
    int neg = signbit(d) != 0 && !isnan(d);
    d = fabs(d);
    char small[64], *body = small;
    size_t cap = sizeof small;
    if (isnan(d) || isinf(d)) {
        int up = t == 'E' || t == 'F' || t == 'G';
        strcpy(small, isnan(d) ? (up ? "NAN" : "nan") : (up ? "INF" : "inf"));
        if (t == '%')
            strcat(small, "%");
    } else {
        if (t == '%')
            d *= 100;
        /* %f of a large double has up to 309 integer digits. */
        cap = 400 + (sp->prec > 0 ? (size_t)sp->prec : 0);
        body = malloc(cap);
        if (!body)
            abort();
        float_body(body, cap - 2, d, sp, t == '%' ? 'f' : t);
        if (t == '%')
            strcat(body, "%");
        /* z: a negative number that rounds to zero prints unsigned. */
        if (neg && sp->z && !strpbrk(body, "123456789"))
            neg = 0;
    }
    put_number(out, sp, sign_of(neg, sp->sign), "", body, strlen(body),
               int_part_len(body), 3, '>');
    if (body != small)
        free(body);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Strings                                                              */

static int format_str_spec(StrBuf *out, StrObj *s, Spec *sp)
{
    if (sp->type && sp->type != 's')
        return unknown_code(sp, "str");
    if (sp->sign) {
        err_set(&exc_ValueError, "%s not allowed in string format specifier",
                sp->sign == ' ' ? "Space" : "Sign");
        return -1;
    }
    if (sp->z) {
        err_set(&exc_ValueError, "Negative zero coercion (z) not allowed in "
                                 "string format specifier");
        return -1;
    }
    if (sp->alt) {
        err_set(&exc_ValueError,
                "Alternate form (#) not allowed in string format specifier");
        return -1;
    }
    if (sp->group)
        return bad_group(sp, 's');
    /* Zero padding of text pads on the right: format('x', '05'). */
    if (sp->zero_align)
        sp->align = '<';
    if (sp->align == '=') {
        err_set(&exc_ValueError,
                "'=' alignment not allowed in string format specifier");
        return -1;
    }
    size_t nchars = s->nchars, nbytes = s->nbytes;
    if (sp->prec >= 0 && (size_t)sp->prec < nchars) {
        nchars = (size_t)sp->prec;
        nbytes = str_offset_of(s, nchars);
    }
    size_t width = sp->width > 0 ? (size_t)sp->width : 0;
    size_t pad = width > nchars ? width - nchars : 0, left = 0;
    if (sp->align == '>')
        left = pad;
    else if (sp->align == '^')
        left = pad / 2;
    str_buf_fill(out, sp->fill, left);
    str_buf_put(out, s->data, nbytes);
    str_buf_fill(out, sp->fill, pad - left);
    return 0;
}

/* ------------------------------------------------------------------ */
/* format(value, spec)                                                  */

/* A __format__ written in Python takes precedence over the builtin
 * formatting of the base type. */
static Value script_format(Value v, StrObj *spec, int *found)
{
    TypeObj *t = val_type(v);
    *found = 0;
    if (!(t->flags & TF_HEAPTYPE))
        return V_NULL;
    Value f = type_lookup(t, str_intern_cstr("__format__"));
    if (IS_NULL(f) || IS_TYPE(f, native_type))
        return V_NULL;
    *found = 1;
    Value arg = V_OBJ(spec ? spec : str_empty());
    Value r = obj_call_method(v, "__format__", &arg, 1);
    if (!IS_NULL(r) && !IS_TYPE(r, str_type))
        return err_set(&exc_TypeError, "__format__ must return a str, not %s",
                       val_type_name(r));
    return r;
}

static int format_into(StrBuf *out, Value v, StrObj *spec)
{
    Spec sp;
    int empty = !spec || spec->nbytes == 0;
    int64_t sub;
    /* An int subclass (IntEnum member) formats as its int, as 3.11's
     * ReprEnum does. */
    if (!empty && val_as_int_subclass(v, &sub))
        v = V_INT(sub);
    if (IS_TYPE(v, str_type)) {
        if (empty) {
            str_buf_put(out, ((StrObj *)AS_OBJ(v))->data,
                        ((StrObj *)AS_OBJ(v))->nbytes);
            return 0;
        }
        if (parse_spec(spec, &sp, "str", 's') < 0)
            return -1;
        return format_str_spec(out, (StrObj *)AS_OBJ(v), &sp);
    }
    if (IS_INT(v) || (IS_BOOL(v) && !empty)) {
        if (parse_spec(spec, &sp, val_type_name(v), 0) < 0)
            return -1;
        return format_int_spec(out, AS_INT(v), &sp, val_type_name(v));
    }
    if (IS_FLOAT(v)) {
        if (parse_spec(spec, &sp, "float", 0) < 0)
            return -1;
        return format_float_spec(out, AS_FLOAT(v), &sp, "float");
    }
    if (!empty)
        return err_set(&exc_TypeError,
                       "unsupported format string passed to %s.__format__",
                       val_type_name(v)), -1;
    Value s = obj_str(v);
    if (IS_NULL(s))
        return -1;
    str_buf_put(out, ((StrObj *)AS_OBJ(s))->data, ((StrObj *)AS_OBJ(s))->nbytes);
    return 0;
}

Value str_format_value(Value v, StrObj *spec)
{
    int found;
    Value r = script_format(v, spec, &found);
    if (found)
        return r;
    if (IS_TYPE(v, str_type) && (!spec || spec->nbytes == 0))
        return v;
    if (IS_INT(v) && (!spec || spec->nbytes == 0))
        return V_OBJ(num_int_repr(AS_INT(v)));
    StrBuf b;
    str_buf_init(&b);
    if (format_into(&b, v, spec) < 0) {
        str_buf_free(&b);
        return V_NULL;
    }
    return V_OBJ(str_buf_finish(&b));
}

/* ------------------------------------------------------------------ */
/* str.format                                                           */

typedef struct FmtState {
    Value *args;   /* positional arguments */
    int nargs;
    Value *kwvals; /* keyword values, parallel to kwnames */
    TupleObj *kwnames;
    int auto_idx;  /* next automatic index; -1 once manual numbering used */
    int manual;
} FmtState;

static Value lookup_kw(FmtState *st, const char *name, size_t n)
{
    if (st->kwnames)
        for (size_t i = 0; i < st->kwnames->n; i++) {
            StrObj *k = (StrObj *)AS_OBJ(st->kwnames->items[i]);
            if (k->nbytes == n && memcmp(k->data, name, n) == 0)
                return st->kwvals[i];
        }
    return err_set_obj(&exc_KeyError, V_OBJ(str_new(name, n)));
}

static int all_digits(const char *s, size_t n)
{
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

static Value positional(FmtState *st, int64_t idx)
{
    if (idx >= st->nargs)
        return err_set(&exc_IndexError, "Replacement index %lld out of range "
                       "for positional args tuple", (long long)idx);
    return st->args[idx];
}

/* The first part of a field name: an index, a keyword, or automatic. */
static Value field_head(FmtState *st, const char *s, size_t n)
{
    if (n == 0) {
        if (st->manual)
            return err_set(&exc_ValueError, "cannot switch from manual field "
                           "specification to automatic field numbering");
        st->auto_idx++;
        return positional(st, st->auto_idx - 1);
    }
    if (all_digits(s, n)) {
        if (st->auto_idx > 0)
            return err_set(&exc_ValueError, "cannot switch from automatic "
                           "field numbering to manual field specification");
        st->manual = 1;
        return positional(st, strtoll(s, NULL, 10));
    }
    return lookup_kw(st, s, n);
}

/* Resolves "name.attr[key]..." to a value.  The value so far is rooted:
 * attribute and item lookups may run script code that collects. */
static Value resolve_field(FmtState *st, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] != '.' && s[i] != '[')
        i++;
    Value cur = field_head(st, s, i);
    if (IS_NULL(cur))
        return cur;
    gc_root_push(&cur);
    while (i < n && !IS_NULL(cur)) {
        size_t j = i + 1;
        if (s[i] == '.') {
            while (j < n && s[j] != '.' && s[j] != '[')
                j++;
            if (j == i + 1) {
                cur = err_set(&exc_ValueError,
                              "Empty attribute in format string");
                break;
            }
            StrObj *name = str_intern(str_new(s + i + 1, j - i - 1));
            cur = obj_getattr(cur, name);
            i = j;
        } else if (s[i] == '[') {
            while (j < n && s[j] != ']')
                j++;
            if (j >= n) {
                cur = err_set(&exc_ValueError, "Missing ']' in format string");
                break;
            }
            Value key = all_digits(s + i + 1, j - i - 1)
                            ? V_INT(strtoll(s + i + 1, NULL, 10))
                            : V_OBJ(str_new(s + i + 1, j - i - 1));
            cur = obj_getitem(cur, key);
            i = j + 1;
        } else {
            cur = err_set(&exc_ValueError, "Only '.' or '[' may follow ']' "
                                           "in format field specifier");
        }
    }
    gc_root_pop(1);
    return cur;
}

static Value convert(Value v, char conv)
{
    switch (conv) {
    case 0: return v;
    case 'r': return obj_repr(v);
    case 's': return obj_str(v);
    case 'a': return str_ascii(v);
    default:
        return err_set(&exc_ValueError, "Unknown conversion specifier %c",
                       conv);
    }
}

static int format_string(StrBuf *out, FmtState *st, const char *s, size_t n,
                         int depth);

/* One replacement field: body is the text between the braces. */
static int do_field(StrBuf *out, FmtState *st, const char *body, size_t n,
                    int depth)
{
    size_t i = 0;
    int nest = 0;
    /* The field name ends at '!' or ':' outside brackets. */
    while (i < n && ((body[i] != '!' && body[i] != ':') || nest)) {
        if (body[i] == '[')
            nest = 1;
        else if (body[i] == ']')
            nest = 0;
        i++;
    }
    size_t name_end = i;
    char conv = 0;
    if (i < n && body[i] == '!') {
        if (i + 1 >= n) {
            err_set(&exc_ValueError, "unmatched '{' in format spec");
            return -1;
        }
        conv = body[i + 1];
        if (i + 2 < n && body[i + 2] != ':') {
            err_set(&exc_ValueError,
                    "expected ':' after conversion specifier");
            return -1;
        }
        i += 2;
    }
    if (i < n && body[i] == ':' && depth > 1) {
        err_set(&exc_ValueError, "Max string recursion exceeded");
        return -1;
    }
    /* The field is looked up before its spec is expanded, so automatic
     * numbering runs left to right: '{:{}}'.format(x, width). */
    Value v = resolve_field(st, body, name_end);
    if (!IS_NULL(v))
        v = convert(v, conv);
    if (IS_NULL(v))
        return -1;
    Value spec_v = V_NONE;
    gc_root_push(&v);
    gc_root_push(&spec_v);
    int rc = 0;
    if (i < n && body[i] == ':') {
        /* The spec may itself hold replacement fields: {:{width}}. */
        StrBuf sb;
        str_buf_init(&sb);
        rc = format_string(&sb, st, body + i + 1, n - i - 1, depth + 1);
        if (rc == 0 && sb.n)
            spec_v = V_OBJ(str_new(sb.p, sb.n));
        str_buf_free(&sb);
    }
    StrObj *spec = IS_NONE(spec_v) ? NULL : (StrObj *)AS_OBJ(spec_v);
    int found = 0;
    Value r = rc < 0 ? V_NULL : script_format(v, spec, &found);
    if (rc == 0 && found) {
        if (IS_NULL(r))
            rc = -1;
        else
            str_buf_put(out, ((StrObj *)AS_OBJ(r))->data,
                        ((StrObj *)AS_OBJ(r))->nbytes);
    } else if (rc == 0) {
        rc = format_into(out, v, spec);
    }
    gc_root_pop(2);
    return rc;
}

static int format_string(StrBuf *out, FmtState *st, const char *s, size_t n,
                         int depth)
{
    size_t i = 0;
    while (i < n) {
        char c = s[i];
        if (c == '}') {
            if (i + 1 < n && s[i + 1] == '}') {
                str_buf_putc(out, '}');
                i += 2;
                continue;
            }
            err_set(&exc_ValueError, "Single '}' encountered in format string");
            return -1;
        }
        if (c != '{') {
            str_buf_putc(out, c);
            i++;
            continue;
        }
        if (i + 1 < n && s[i + 1] == '{') {
            str_buf_putc(out, '{');
            i += 2;
            continue;
        }
        /* Find the matching '}', counting nested braces in the spec. */
        size_t j = i + 1;
        int level = 1;
        while (j < n) {
            if (s[j] == '{')
                level++;
            else if (s[j] == '}' && --level == 0)
                break;
            j++;
        }
        if (j >= n) {
            if (i + 1 == n)
                err_set(&exc_ValueError,
                        "Single '{' encountered in format string");
            else
                err_set(&exc_ValueError, "expected '}' before end of string");
            return -1;
        }
        if (do_field(out, st, s + i + 1, j - i - 1, depth) < 0)
            return -1;
        i = j + 1;
    }
    return 0;
}

Value str_format_method(StrObj *fmt, Value *args, int nargs, TupleObj *kwnames)
{
    FmtState st = {args, nargs, args + nargs, kwnames, 0, 0};
    StrBuf b;
    str_buf_init(&b);
    if (format_string(&b, &st, fmt->data, fmt->nbytes, 0) < 0) {
        str_buf_free(&b);
        return V_NULL;
    }
    return V_OBJ(str_buf_finish(&b));
}

/* ------------------------------------------------------------------ */
/* printf-style formatting: str % args                                  */

typedef struct PctState {
    Value *items;  /* the argument tuple's items, or &args for one value */
    size_t nitems;
    size_t next;
    Value mapping; /* V_NULL unless args is a mapping */
} PctState;

typedef struct Pct {
    int left, plus, space, alt, zero;
    int64_t width, prec; /* -1: none */
    char type;
} Pct;

static Value next_arg(PctState *ps)
{
    if (ps->next >= ps->nitems)
        return err_set(&exc_TypeError, "not enough arguments for format string");
    return ps->items[ps->next++];
}

/* Pads a finished conversion: sign/prefix stay in front of zero padding. */
static void pct_pad(StrBuf *out, const Pct *p, const char *sign,
                    const char *prefix, const char *body, size_t bodylen,
                    int numeric)
{
    size_t len = strlen(sign) + strlen(prefix) + utf8_len(body, bodylen);
    size_t width = p->width > 0 ? (size_t)p->width : 0;
    size_t pad = width > len ? width - len : 0;
    if (!p->left && !(numeric && p->zero))
        str_buf_fill(out, ' ', pad);
    str_buf_puts(out, sign);
    str_buf_puts(out, prefix);
    if (!p->left && numeric && p->zero)
        str_buf_fill(out, '0', pad);
    str_buf_put(out, body, bodylen);
    if (p->left)
        str_buf_fill(out, ' ', pad);
}

static const char *pct_sign(int neg, const Pct *p)
{
    return neg ? "-" : p->plus ? "+" : p->space ? " " : "";
}

static int pct_int(StrBuf *out, const Pct *p, Value v)
{
    char t = p->type;
    int64_t n;
    if (IS_INTLIKE(v)) {
        n = AS_INT(v);
    } else if (val_as_int_subclass(v, &n)) {
        /* n is set: an IntEnum member formats as its value. */
    } else if (IS_FLOAT(v) && (t == 'd' || t == 'i' || t == 'u')) {
        Value iv = num_int_from_value(v, -1);
        if (IS_NULL(iv))
            return -1;
        n = AS_INT(iv);
    } else if (IS_OBJ(v) && !IS_TYPE(v, str_type) &&
               !IS_NULL(type_lookup(val_type(v), str_intern_cstr("__index__")))) {
        if (num_as_index(v, &n) < 0)
            return -1;
    } else {
        if (t == 'd' || t == 'i' || t == 'u')
            err_set(&exc_TypeError, "%%%c format: a real number is required, "
                    "not %s", t, val_type_name(v));
        else
            err_set(&exc_TypeError, "%%%c format: an integer is required, "
                    "not %s", t, val_type_name(v));
        return -1;
    }
    int base = t == 'o' ? 8 : (t == 'x' || t == 'X') ? 16 : 10;
    char digits[72], body[200];
    to_base(n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n, base, t == 'X',
            digits);
    size_t nd = strlen(digits), k = 0;
    /* Precision is a minimum digit count for integers. */
    while (p->prec > 0 && (int64_t)(nd + k) < p->prec && k < 120)
        body[k++] = '0';
    memcpy(body + k, digits, nd + 1);
    const char *prefix = !p->alt ? "" : t == 'o' ? "0o" : t == 'x' ? "0x"
                       : t == 'X' ? "0X" : "";
    pct_pad(out, p, pct_sign(n < 0, p), prefix, body, strlen(body), 1);
    return 0;
}

static int pct_float(StrBuf *out, const Pct *p, Value v)
{
    double d;
    if (IS_FLOAT(v) || IS_INTLIKE(v)) {
        d = IS_FLOAT(v) ? AS_FLOAT(v) : (double)AS_INT(v);
    } else {
        Value f = IS_TYPE(v, str_type) ? V_NULL : num_float_from_value(v);
        if (IS_NULL(f)) {
            err_clear();
            err_set(&exc_TypeError, "must be real number, not %s",
                    val_type_name(v));
            return -1;
        }
        d = AS_FLOAT(f);
    }
    int neg = signbit(d) != 0 && !isnan(d);
    d = fabs(d);
    int prec = p->prec < 0 ? 6 : (int)p->prec;
    if (prec > 400)
        prec = 400;
    char f[16];
    snprintf(f, sizeof f, "%%%s.*%c", p->alt ? "#" : "", p->type);
    int len = snprintf(NULL, 0, f, prec, d);
    char *body = malloc((size_t)len + 1);
    if (!body)
        abort();
    snprintf(body, (size_t)len + 1, f, prec, d);
    pct_pad(out, p, pct_sign(neg, p), "", body, (size_t)len, 1);
    free(body);
    return 0;
}

static int pct_char(StrBuf *out, const Pct *p, Value v)
{
    char enc[4];
    int l;
    if (IS_TYPE(v, str_type) && ((StrObj *)AS_OBJ(v))->nchars == 1) {
        StrObj *s = (StrObj *)AS_OBJ(v);
        pct_pad(out, p, "", "", s->data, s->nbytes, 0);
        return 0;
    }
    if (!IS_INTLIKE(v)) {
        err_set(&exc_TypeError, "%%c requires int or char");
        return -1;
    }
    if (AS_INT(v) < 0 || AS_INT(v) > 0x10FFFF) {
        err_set(&exc_OverflowError, "%%c arg not in range(0x110000)");
        return -1;
    }
    l = str_utf8_encode((uint32_t)AS_INT(v), enc);
    pct_pad(out, p, "", "", enc, (size_t)l, 0);
    return 0;
}

static int pct_text(StrBuf *out, const Pct *p, Value v)
{
    Value s = p->type == 's' ? obj_str(v) : p->type == 'r' ? obj_repr(v)
                                                           : str_ascii(v);
    if (IS_NULL(s))
        return -1;
    StrObj *so = (StrObj *)AS_OBJ(s);
    size_t nbytes = so->nbytes;
    if (p->prec >= 0 && (size_t)p->prec < so->nchars)
        nbytes = str_offset_of(so, (size_t)p->prec);
    pct_pad(out, p, "", "", so->data, nbytes, 0);
    return 0;
}

/* Reads a '*' or a decimal number for width or precision. */
static int pct_number(PctState *ps, const char **s, const char *end,
                      int64_t *out)
{
    if (*s < end && **s == '*') {
        (*s)++;
        Value v = next_arg(ps);
        if (IS_NULL(v))
            return -1;
        if (!IS_INTLIKE(v)) {
            err_set(&exc_TypeError, "* wants int");
            return -1;
        }
        *out = AS_INT(v);
        return 0;
    }
    int64_t v = 0;
    int any = 0;
    while (*s < end && **s >= '0' && **s <= '9') {
        v = v * 10 + (**s - '0');
        if (v > 100000000)
            v = 100000000;
        (*s)++;
        any = 1;
    }
    if (any)
        *out = v;
    return 0;
}

/* The `%(key)` part: the value comes from the mapping. */
static Value pct_mapping_arg(PctState *ps, const char **s, const char *end)
{
    const char *start = ++*s;
    int level = 1;
    while (*s < end) {
        if (**s == '(')
            level++;
        else if (**s == ')' && --level == 0)
            break;
        (*s)++;
    }
    if (*s >= end)
        return err_set(&exc_ValueError, "incomplete format key");
    if (IS_NULL(ps->mapping))
        return err_set(&exc_TypeError, "format requires a mapping");
    Value key = V_OBJ(str_new(start, (size_t)(*s - start)));
    (*s)++;
    return obj_getitem(ps->mapping, key);
}

/* Parses one conversion after '%' and appends it. */
static int pct_one(StrBuf *out, PctState *ps, const char **s, const char *end,
                   const char *fmtstart)
{
    Pct p = {0, 0, 0, 0, 0, -1, -1, 0};
    Value v = V_NULL;
    if (*s < end && **s == '(') {
        v = pct_mapping_arg(ps, s, end);
        if (IS_NULL(v))
            return -1;
    }
    for (; *s < end; (*s)++) {
        char c = **s;
        if (c == '-') p.left = 1;
        else if (c == '+') p.plus = 1;
        else if (c == ' ') p.space = 1;
        else if (c == '#') p.alt = 1;
        else if (c == '0') p.zero = 1;
        else break;
    }
    if (pct_number(ps, s, end, &p.width) < 0)
        return -1;
    if (p.width < -1) {
        p.left = 1;
        p.width = -p.width;
    }
    if (*s < end && **s == '.') {
        (*s)++;
        p.prec = 0;
        if (pct_number(ps, s, end, &p.prec) < 0)
            return -1;
    }
    while (*s < end && (**s == 'h' || **s == 'l' || **s == 'L'))
        (*s)++;
    if (*s >= end) {
        err_set(&exc_ValueError, "incomplete format");
        return -1;
    }
    p.type = *(*s)++;
    if (p.type == '%') {
        str_buf_putc(out, '%');
        return 0;
    }
    if (!strchr("sradiuoxXeEfFgGc", p.type)) {
        uint32_t cp;
        str_utf8_decode(*s - 1, &cp);
        char enc[5];
        enc[str_utf8_encode(cp, enc)] = '\0';
        err_set(&exc_ValueError, "unsupported format character '%s' (0x%x) "
                "at index %zu", enc, cp, utf8_len(fmtstart, (size_t)(*s - 1 - fmtstart)));
        return -1;
    }
    if (IS_NULL(v) && IS_NULL(v = next_arg(ps)))
        return -1;
    gc_root_push(&v);
    int rc;
    if (strchr("sra", p.type))
        rc = pct_text(out, &p, v);
    else if (strchr("diuoxX", p.type))
        rc = pct_int(out, &p, v);
    else if (p.type == 'c')
        rc = pct_char(out, &p, v);
    else
        rc = pct_float(out, &p, v);
    gc_root_pop(1);
    return rc;
}

/* A mapping for %(name)s: a dict or any non-tuple, non-str object with
 * __getitem__, as CPython decides. */
static int is_mapping(Value v)
{
    if (IS_TYPE(v, dict_type))
        return 1;
    if (!IS_OBJ(v) || IS_TYPE(v, tuple_type) || IS_TYPE(v, str_type) ||
        IS_TYPE(v, list_type) || IS_TYPE(v, bytes_type))
        return 0;
    return (val_type(v)->flags & TF_HEAPTYPE) &&
           !IS_NULL(type_lookup(val_type(v), str_intern_cstr("__getitem__")));
}

Value str_percent_format(StrObj *fmt, Value args)
{
    PctState ps = {&args, 1, 0, V_NULL};
    if (IS_TYPE(args, tuple_type)) {
        TupleObj *t = (TupleObj *)AS_OBJ(args);
        ps.items = t->items;
        ps.nitems = t->n;
    } else if (is_mapping(args)) {
        ps.mapping = args;
    }
    StrBuf b;
    str_buf_init(&b);
    const char *s = fmt->data, *end = s + fmt->nbytes;
    while (s < end) {
        const char *pc = memchr(s, '%', (size_t)(end - s));
        if (!pc) {
            str_buf_put(&b, s, (size_t)(end - s));
            break;
        }
        str_buf_put(&b, s, (size_t)(pc - s));
        s = pc + 1;
        if (pct_one(&b, &ps, &s, end, fmt->data) < 0) {
            str_buf_free(&b);
            return V_NULL;
        }
    }
    if (ps.next < ps.nitems && IS_NULL(ps.mapping)) {
        str_buf_free(&b);
        return err_set(&exc_TypeError,
                       "not all arguments converted during string formatting");
    }
    return V_OBJ(str_buf_finish(&b));
}
