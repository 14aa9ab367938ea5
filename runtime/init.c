/* init.c - start-up of the runtime: the main thread state, the interned
 * names, and every type family's init hook in a fixed order. */
#include <stdio.h>
#include <string.h>

#include "runtime/runtime.h"

/* The builtin types object.h declares: registered as permanent roots so
 * their dicts (methods) survive while no instance is alive, and given
 * their interned names. */
static TypeObj *const builtin_types[] = {
    &type_type, &object_type, &none_type, &bool_type, &int_type,
    &float_type, &str_type, &bytes_type, &list_type, &tuple_type,
    &dict_type, &set_type, &range_type, &slice_type, &func_type,
    &native_type, &method_type, &code_type, &frame_type, &cell_type,
    &module_type, &gen_type, &property_type, &member_type, &getset_type,
    &staticmethod_type,
    &classmethod_type, &super_type, &notimpl_type, &ellipsis_type,
    &traceback_type, &slotwrapper_type,
};

static const char *const binop_dunder[BOP_COUNT] = {
    "add", "sub", "mul", "truediv", "floordiv", "mod", "pow",
    "lshift", "rshift", "and", "or", "xor", "matmul"};

/* Intern "__" prefix op "__".  Built by hand, not with snprintf: the
 * printf machinery is the first thing in libc a plain run would use, and
 * paging it in costs every process about 100 KiB. */
static StrObj *intern_dunder(const char *prefix, const char *op)
{
    char buf[32];
    size_t np = strlen(prefix), no = strlen(op);
    memcpy(buf, "__", 2);
    memcpy(buf + 2, prefix, np);
    memcpy(buf + 2 + np, op, no);
    memcpy(buf + 2 + np + no, "__", 3);
    return str_intern_cstr(buf);
}

static void intern_names(void)
{
#define RT_NAME_INTERN(field, text) rt_names.field = str_intern_cstr(text);
    RT_NAMES(RT_NAME_INTERN)
#undef RT_NAME_INTERN
    for (int op = 0; op < BOP_COUNT; op++) {
        rt_names.binop[op] = intern_dunder("", binop_dunder[op]);
        rt_names.rbinop[op] = intern_dunder("r", binop_dunder[op]);
        rt_names.ibinop[op] = intern_dunder("i", binop_dunder[op]);
    }
}

/* The names are referenced from C globals only, so they are roots. */
static void mark_names(void)
{
    StrObj **p = (StrObj **)&rt_names;
    size_t n = sizeof rt_names / sizeof(StrObj *);
    for (size_t i = 0; i < n; i++)
        gc_mark_obj((Obj *)p[i]);
}

static void name_static_types(void)
{
    size_t n = sizeof builtin_types / sizeof builtin_types[0];
    for (size_t i = 0; i < n; i++) {
        TypeObj *t = builtin_types[i];
        if (!t->name_str && t->name)
            t->name_str = str_intern_cstr(t->name);
        if (!t->qualname)
            t->qualname = t->name_str;
        if (!t->module)
            t->module = rt_names.builtins;
        type_register_static(t);
    }
}

void rt_init(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    if (!ts_current)
        ts_current = ts_main() ? ts_main() : ts_new();
    gc_register_roots(mark_names);
    gc_register_roots(type_mark_static);
    intern_names();
    type_init();
    func_init();
    descr_init();
    member_init();
    getset_init();
    module_init();
    num_init();
    str_init();
    bytes_init();
    tuple_init();
    list_init();
    dict_init();
    set_init();
    range_init();
    slice_init();
    iter_init();
    exc_init();
    name_static_types();
}
