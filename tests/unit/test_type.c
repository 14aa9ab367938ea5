/* test_type.c - classes made by the class statement (type_new_class):
 * slots dispatching to dunders, instantiation checks, descriptors and
 * super().  Methods here are natives, since running bytecode is vm/'s. */
#include <string.h>

#include <criterion/criterion.h>

#include "runtime/runtime.h"
#include "unit_helpers.h"

TestSuite(type, .init = ut_setup);

static void def(DictObj *ns, const char *name, NativeFn fn)
{
    dict_set_str(ns, str_intern_cstr(name),
                 native_new(name, fn, V_NULL, NATIVE_METHOD));
}

static Value make_class(const char *name, TypeObj *base, DictObj *ns)
{
    Value c = type_new_class(str_from_cstr(name), NULL, base, ns);
    cr_assert(!IS_NULL(c));
    return c;
}

static Value ret_hello(Value *args, int nargs, TupleObj *kw)
{
    (void)args; (void)nargs; (void)kw;
    return S("hello");
}

static Value ret_int(Value *args, int nargs, TupleObj *kw)
{
    (void)args; (void)nargs; (void)kw;
    return V_INT(3);
}

static Value ret_true(Value *args, int nargs, TupleObj *kw)
{
    (void)args; (void)nargs; (void)kw;
    return V_TRUE;
}

/* __init__(self, x): self.x = x */
static Value init_x(Value *args, int nargs, TupleObj *kw)
{
    (void)kw;
    if (args_count("__init__", nargs, 2, 2) < 0)
        return V_NULL;
    if (obj_setattr(args[0], str_intern_cstr("x"), args[1]) < 0)
        return V_NULL;
    return V_NONE;
}

Test(type, heap_class_repr_and_default_instance_repr)
{
    Value c = make_class("Foo", NULL, dict_new());
    cr_assert_str_eq(str_of(c), "<class '__main__.Foo'>");
    Value o = obj_call0(c);
    cr_assert(!IS_NULL(o));
    cr_assert(strncmp(str_of(o), "<__main__.Foo object at 0x", 26) == 0);
    cr_assert(val_is(obj_call1(V_OBJ(&type_type), o), c));
}

Test(type, class_without_init_takes_no_arguments)
{
    Value c = make_class("Foo", NULL, dict_new());
    cr_assert(IS_NULL(obj_call1(c, V_INT(1))));
    cr_assert_str_eq(raised(&exc_TypeError), "Foo() takes no arguments");
}

Test(type, init_runs_and_sets_attributes)
{
    DictObj *ns = dict_new();
    def(ns, "__init__", init_x);
    Value c = make_class("P", NULL, ns);
    Value o = obj_call1(c, V_INT(5));
    cr_assert(!IS_NULL(o));
    cr_assert_eq(AS_INT(obj_getattr_cstr(o, "x")), 5);
    cr_assert(IS_NULL(obj_getattr_cstr(o, "y")));
    cr_assert_str_eq(raised(&exc_AttributeError),
                     "'P' object has no attribute 'y'");
}

Test(type, init_must_return_none)
{
    DictObj *ns = dict_new();
    def(ns, "__init__", ret_int);
    Value c = make_class("Bad", NULL, ns);
    cr_assert(IS_NULL(obj_call0(c)));
    cr_assert_str_eq(raised(&exc_TypeError),
                     "__init__() should return None, not 'int'");
}

Test(type, dunder_slots_dispatch)
{
    DictObj *ns = dict_new();
    def(ns, "__str__", ret_hello);
    def(ns, "__len__", ret_int);
    def(ns, "__add__", ret_int);
    def(ns, "__contains__", ret_true);
    Value o = obj_call0(make_class("D", NULL, ns));
    cr_assert_str_eq(str_of(o), "hello");
    cr_assert(strncmp(STR_CSTR((StrObj *)AS_OBJ(obj_repr(o))),
                      "<__main__.D object", 18) == 0);
    cr_assert_eq(obj_len(o), 3);
    cr_assert_eq(obj_truthy(o), 1);
    cr_assert_eq(AS_INT(obj_binop(o, V_INT(1), BOP_ADD)), 3);
    /* No __iadd__: += falls back to __add__. */
    cr_assert_eq(AS_INT(obj_binop(o, V_INT(1), BOP_INPLACE + BOP_ADD)), 3);
    cr_assert(IS_NULL(obj_binop(V_INT(1), o, BOP_ADD)));
    cr_assert_str_eq(raised(&exc_TypeError),
                     "unsupported operand type(s) for +: 'int' and 'D'");
    cr_assert_eq(obj_contains(o, V_INT(9)), 1);
}

Test(type, reflected_dunder_is_used)
{
    DictObj *ns = dict_new();
    def(ns, "__radd__", ret_int);
    Value o = obj_call0(make_class("R", NULL, ns));
    cr_assert_eq(AS_INT(obj_binop(V_INT(1), o, BOP_ADD)), 3);
}

Test(type, eq_without_hash_is_unhashable)
{
    DictObj *ns = dict_new();
    def(ns, "__eq__", ret_true);
    Value o = obj_call0(make_class("E", NULL, ns));
    int64_t h;
    cr_assert_eq(obj_hash(o, &h), -1);
    cr_assert_str_eq(raised(&exc_TypeError), "unhashable type: 'E'");
    cr_assert_eq(obj_richcmp_bool(o, V_INT(1), CMP_EQ), 1);
    /* != is the inverse of a script __eq__. */
    cr_assert_eq(obj_richcmp_bool(o, V_INT(1), CMP_NE), 0);
    Value plain = obj_call0(make_class("H", NULL, dict_new()));
    cr_assert_eq(obj_hash(plain, &h), 0);
}

Test(type, bool_must_return_bool)
{
    DictObj *ns = dict_new();
    def(ns, "__bool__", ret_int);
    Value o = obj_call0(make_class("B", NULL, ns));
    cr_assert_eq(obj_truthy(o), -1);
    cr_assert_str_eq(raised(&exc_TypeError),
                     "__bool__ should return bool, returned int");
}

Test(type, exception_subclass_keeps_exception_behaviour)
{
    Value c = make_class("AppError", &exc_Exception, dict_new());
    Value e = obj_call1(c, S("plain message"));
    cr_assert(!IS_NULL(e));
    cr_assert(val_isinstance(e, &exc_Exception));
    cr_assert_str_eq(str_of(e), "plain message");
    cr_assert_str_eq(STR_CSTR((StrObj *)AS_OBJ(obj_repr(e))),
                     "AppError('plain message')");
    cr_assert_eq(obj_setattr(e, str_intern_cstr("key"), V_INT(1)), 0);
    cr_assert_eq(AS_INT(obj_getattr_cstr(e, "key")), 1);
    err_set_exc(c);
    cr_assert(err_matches(&exc_Exception));
    err_clear();
}

Test(type, class_attributes_and_special_names)
{
    DictObj *ns = dict_new();
    dict_set_str(ns, str_intern_cstr("k"), V_INT(7));
    Value base = make_class("A", NULL, ns);
    Value sub = make_class("B", (TypeObj *)AS_OBJ(base), dict_new());
    cr_assert_eq(AS_INT(obj_getattr_cstr(sub, "k")), 7);
    cr_assert_str_eq(str_of(obj_getattr_cstr(sub, "__name__")), "B");
    cr_assert_str_eq(str_of(obj_getattr_cstr(sub, "__module__")), "__main__");
    cr_assert_str_eq(str_of(obj_getattr_cstr(sub, "__mro__")),
                     "(<class '__main__.B'>, <class '__main__.A'>, "
                     "<class 'object'>)");
    cr_assert_str_eq(str_of(obj_getattr_cstr(sub, "__bases__")),
                     "(<class '__main__.A'>,)");
    cr_assert(IS_NULL(obj_getattr_cstr(sub, "zz")));
    cr_assert_str_eq(raised(&exc_AttributeError),
                     "type object 'B' has no attribute 'zz'");
    cr_assert_eq(obj_setattr(V_OBJ(&int_type), str_intern_cstr("foo"),
                             V_INT(1)), -1);
    cr_assert_str_eq(raised(&exc_TypeError),
                     "cannot set 'foo' attribute of immutable type 'int'");
}

Test(type, bool_is_not_an_acceptable_base)
{
    Value c = type_new_class(str_from_cstr("X"), NULL, &bool_type, dict_new());
    cr_assert(IS_NULL(c));
    cr_assert_str_eq(raised(&exc_TypeError),
                     "type 'bool' is not an acceptable base type");
}

static Value getattr_fallback(Value *args, int nargs, TupleObj *kw)
{
    (void)kw;
    cr_assert_eq(nargs, 2);
    return args[1];
}

Test(type, getattr_runs_after_normal_lookup_fails)
{
    DictObj *ns = dict_new();
    def(ns, "__getattr__", getattr_fallback);
    dict_set_str(ns, str_intern_cstr("real"), V_INT(1));
    Value o = obj_call0(make_class("G", NULL, ns));
    cr_assert_eq(AS_INT(obj_getattr_cstr(o, "real")), 1);
    cr_assert_str_eq(str_of(obj_getattr_cstr(o, "missing")), "missing");
}

static Value ret_first(Value *args, int nargs, TupleObj *kw)
{
    (void)kw;
    cr_assert(nargs >= 1);
    return args[0];
}

Test(type, property_getter_and_missing_setter)
{
    Value getter = native_new("x", ret_int, V_NULL, 0);
    Value prop = obj_call1(V_OBJ(&property_type), getter);
    cr_assert(!IS_NULL(prop));
    DictObj *ns = dict_new();
    dict_set_str(ns, str_intern_cstr("x"), prop);
    Value o = obj_call0(make_class("Foo", NULL, ns));
    cr_assert_eq(AS_INT(obj_getattr_cstr(o, "x")), 3);
    cr_assert_eq(obj_setattr(o, str_intern_cstr("x"), V_INT(2)), -1);
    cr_assert_str_eq(raised(&exc_AttributeError),
                     "property 'x' of 'Foo' object has no setter");
}

Test(type, classmethod_and_staticmethod_binding)
{
    Value f = native_new("f", ret_first, V_NULL, 0);
    DictObj *ns = dict_new();
    dict_set_str(ns, str_intern_cstr("cm"),
                 obj_call1(V_OBJ(&classmethod_type), f));
    dict_set_str(ns, str_intern_cstr("sm"),
                 obj_call1(V_OBJ(&staticmethod_type), f));
    Value c = make_class("C", NULL, ns);
    Value o = obj_call0(c);
    cr_assert(val_is(obj_call0(obj_getattr_cstr(o, "cm")), c));
    cr_assert(val_is(obj_call0(obj_getattr_cstr(c, "cm")), c));
    cr_assert_eq(AS_INT(obj_call1(obj_getattr_cstr(o, "sm"), V_INT(4))), 4);
}

Test(type, super_reaches_builtin_base_slots)
{
    Value c = make_class("S", NULL, dict_new());
    Value o = obj_call0(c);
    Value args[2] = {c, o};
    Value sup = obj_call(V_OBJ(&super_type), args, 2, NULL);
    cr_assert(!IS_NULL(sup));
    Value r = obj_call0(obj_getattr_cstr(sup, "__repr__"));
    cr_assert(!IS_NULL(r));
    cr_assert(strncmp(str_of(r), "<__main__.S object at 0x", 24) == 0);
    cr_assert(IS_NONE(obj_call0(obj_getattr_cstr(sup, "__init__"))));
    cr_assert(IS_NULL(obj_getattr_cstr(sup, "nothing")));
    cr_assert_str_eq(raised(&exc_AttributeError),
                     "'super' object has no attribute 'nothing'");
}

Test(type, super_init_of_exception_base_sets_args)
{
    Value c = make_class("E", &exc_Exception, dict_new());
    Value e = obj_call0(c);
    Value args[2] = {c, e};
    Value sup = obj_call(V_OBJ(&super_type), args, 2, NULL);
    Value init = obj_getattr_cstr(sup, "__init__");
    cr_assert(!IS_NULL(init));
    Value two[2] = {S("k"), S("r")};
    cr_assert(IS_NONE(obj_call(init, two, 2, NULL)));
    cr_assert_str_eq(str_of(obj_getattr_cstr(e, "args")), "('k', 'r')");
}

Test(type, slot_wrapper_of_builtin)
{
    Value add = obj_getattr_cstr(V_OBJ(&object_type), "__repr__");
    cr_assert(!IS_NULL(add));
    Value ir = obj_getattr_cstr(V_OBJ(&int_type), "__add__");
    cr_assert(!IS_NULL(ir));
    cr_assert_str_eq(str_of(ir), "<slot wrapper '__add__' of 'int' objects>");
    Value two[2] = {V_INT(2), V_INT(3)};
    cr_assert_eq(AS_INT(obj_call(ir, two, 2, NULL)), 5);
}

Test(type, bound_method_repr_and_attributes)
{
    DictObj *ns = dict_new();
    def(ns, "m", ret_first);
    Value c = make_class("A", NULL, ns);
    Value o = obj_call0(c);
    Value m = method_new(native_new("m", ret_first, V_NULL, 0), o);
    cr_assert(val_is(obj_getattr_cstr(m, "__self__"), o));
    cr_assert(val_is(obj_call0(m), o));
    cr_assert(strncmp(str_of(m), "<bound method m of <__main__.A object at",
                      39) == 0, "%s", str_of(m));
}

Test(type, class_dunder_assigned_later_takes_effect)
{
    Value c = make_class("L", NULL, dict_new());
    Value o = obj_call0(c);
    cr_assert_eq(obj_len(o), -1);
    err_clear();
    cr_assert_eq(obj_setattr(c, str_intern_cstr("__len__"),
                             native_new("__len__", ret_int, V_NULL,
                                        NATIVE_METHOD)), 0);
    cr_assert_eq(obj_len(o), 3);
}

/* ---- inline instance values (ValuesObj) ---- */

static StrObj *N(const char *s)
{
    return str_intern_cstr(s);
}

static ValuesObj *values_of(Value o)
{
    return (ValuesObj *)AS_OBJ(o);
}

Test(type, plain_classes_keep_values_inline_exceptions_do_not)
{
    TypeObj *t = (TypeObj *)AS_OBJ(make_class("A", NULL, dict_new()));
    TypeObj *sub = (TypeObj *)AS_OBJ(make_class("B", t, dict_new()));
    TypeObj *exc = (TypeObj *)AS_OBJ(make_class("E", &exc_Exception,
                                                dict_new()));
    cr_assert(t->flags & TF_INLINE_VALUES);
    cr_assert(sub->flags & TF_INLINE_VALUES);
    cr_assert(!(exc->flags & TF_INLINE_VALUES));
}

Test(type, instances_learn_the_shared_key_order)
{
    Value c = make_class("A", NULL, dict_new());
    TypeObj *t = (TypeObj *)AS_OBJ(c);
    /* The first instance has no room: it records the names and moves to
     * a dict; the next ones are made roomier until the names fit. */
    for (int round = 0; round < 3; round++) {
        Value o = obj_new_instance(t);
        cr_assert_eq(inst_set(o, t, N("x"), V_INT(1)), 0);
        cr_assert_eq(inst_set(o, t, N("y"), V_INT(2)), 1);
        cr_assert_eq(AS_INT(inst_get(o, t, N("y"))), 2);
        cr_assert_eq(inst_index(o, t, N("y")), 1);
        cr_assert(IS_NULL(inst_get(o, t, N("z"))));
        cr_assert_eq(values_of(o)->base.dict == NULL, round == 2);
    }
    cr_assert_eq(t->inline_cap, 2);
    cr_assert_eq(t->shared_keys->n, 2);
    Value o = obj_new_instance(t);
    inst_set(o, t, N("x"), V_INT(10));
    inst_set(o, t, N("y"), V_INT(20));
    cr_assert_eq(values_of(o)->nvals, 2);
    cr_assert_eq(inst_set(o, t, N("x"), V_INT(11)), 0); /* replaced */
    cr_assert_eq(values_of(o)->nvals, 2);
    cr_assert_eq(AS_INT(obj_getattr_cstr(o, "x")), 11);
}

Test(type, another_order_or_a_delete_moves_values_to_a_dict)
{
    Value c = make_class("A", NULL, dict_new());
    TypeObj *t = (TypeObj *)AS_OBJ(c);
    t->inline_cap = 4;
    Value a = obj_new_instance(t), b = obj_new_instance(t);
    inst_set(a, t, N("x"), V_INT(1));
    inst_set(a, t, N("y"), V_INT(2));
    cr_assert_null(values_of(a)->base.dict);
    inst_set(b, t, N("y"), V_INT(3)); /* slot 0 is x's */
    DictObj *d = values_of(b)->base.dict;
    cr_assert_not_null(d);
    cr_assert_eq(AS_INT(dict_get_str(d, N("y"))), 3);
    /* Deleting a missing name raises without moving anything. */
    cr_assert_eq(inst_set(a, t, N("q"), V_NULL), -1);
    cr_assert_str_eq(raised(&exc_AttributeError),
                     "'A' object has no attribute 'q'");
    cr_assert_null(values_of(a)->base.dict);
    cr_assert_eq(inst_set(a, t, N("x"), V_NULL), 0);
    d = values_of(a)->base.dict;
    cr_assert_not_null(d);
    cr_assert_eq(d->used, 1);
    cr_assert(IS_NULL(inst_get(a, t, N("x"))));
    cr_assert_eq(AS_INT(inst_get(a, t, N("y"))), 2);
}

Test(type, inst_dict_keeps_the_order_and_is_the_storage)
{
    Value c = make_class("A", NULL, dict_new());
    TypeObj *t = (TypeObj *)AS_OBJ(c);
    t->inline_cap = 3;
    Value o = obj_new_instance(t);
    cr_assert_null(inst_dict(o, t, 0)); /* nothing to move */
    cr_assert_not_null(inst_dict(o, t, 1));
    o = obj_new_instance(t);
    inst_set(o, t, N("b"), V_INT(1));
    inst_set(o, t, N("a"), V_INT(2));
    DictObj *d = inst_dict(o, t, 0);
    cr_assert_not_null(d);
    cr_assert_eq(inst_dict(o, t, 1), d);
    size_t pos = 0;
    Value k, v;
    cr_assert(dict_next(d, &pos, &k, &v));
    cr_assert_str_eq(cstr(k), "b");
    cr_assert(dict_next(d, &pos, &k, &v));
    cr_assert_str_eq(cstr(k), "a");
    dict_set_str(d, N("c"), V_INT(3));
    cr_assert_eq(AS_INT(obj_getattr_cstr(o, "c")), 3);
    cr_assert_null(inst_dict(V_INT(1), &int_type, 1)); /* no dicts */
}

Test(type, shared_key_index_is_fixed_once_known)
{
    Value c = make_class("A", NULL, dict_new());
    TypeObj *t = (TypeObj *)AS_OBJ(c);
    cr_assert_eq(type_shared_index(t, N("x")), -1);
    t->inline_cap = 2;
    Value o = obj_new_instance(t);
    uint64_t epoch = dict_watch_epoch;
    inst_set(o, t, N("x"), V_INT(1));
    cr_assert_neq(dict_watch_epoch, epoch); /* a new shared key */
    epoch = dict_watch_epoch;
    inst_set(o, t, N("x"), V_INT(2));
    cr_assert_eq(dict_watch_epoch, epoch); /* a value change only */
    inst_set(o, t, N("y"), V_INT(3));
    cr_assert_eq(type_shared_index(t, N("x")), 0);
    cr_assert_eq(type_shared_index(t, N("y")), 1);
    cr_assert_eq(type_shared_index(t, N("z")), -1);
}

/* __new__(cls, v): returns v itself, not an instance. */
static Value new_returns_arg(Value *args, int nargs, TupleObj *kw)
{
    (void)kw;
    if (args_count("__new__", nargs, 2, 2) < 0)
        return V_NULL;
    return args[1];
}

Test(type, script_new_runs_and_init_is_skipped_for_other_results)
{
    DictObj *ns = dict_new();
    dict_set_str(ns, N("__new__"),
                 native_new("__new__", new_returns_arg, V_NULL, 0));
    def(ns, "__init__", ret_int); /* would fail: __init__ must return None */
    Value c = make_class("N", NULL, ns);
    Value r = obj_call1(c, V_INT(42));
    cr_assert(!IS_NULL(r));
    cr_assert_eq(AS_INT(r), 42);
    cr_assert(!obj_new_is_plain((TypeObj *)AS_OBJ(c)));
    Value plain = make_class("P", NULL, dict_new());
    cr_assert(obj_new_is_plain((TypeObj *)AS_OBJ(plain)));
}

Test(type, property_named_only_by_the_class_statement)
{
    Value getter = native_new("x", ret_int, V_NULL, 0);
    Value c = make_class("Foo", NULL, dict_new());
    Value prop = obj_call1(V_OBJ(&property_type), getter);
    cr_assert_eq(obj_setattr(c, str_intern_cstr("late"), prop), 0);
    Value o = obj_call0(c);
    cr_assert_eq(obj_setattr(o, str_intern_cstr("late"), V_INT(2)), -1);
    cr_assert_str_eq(raised(&exc_AttributeError),
                     "property of 'Foo' object has no setter");
    cr_assert_eq(obj_setattr(o, str_intern_cstr("late"), V_NULL), -1);
    cr_assert_str_eq(raised(&exc_AttributeError),
                     "property of 'Foo' object has no deleter");
}

Test(type, super_method_is_found_unbound_with_the_instance)
{
    DictObj *ns = dict_new();
    def(ns, "hello", ret_hello);
    dict_set_str(ns, N("data"), V_INT(7));
    Value a = make_class("A", NULL, ns);
    Value b = make_class("B", (TypeObj *)AS_OBJ(a), dict_new());
    Value o = obj_call0(b);
    Value args[2] = {b, o};
    Value sup = obj_call(V_OBJ(&super_type), args, 2, NULL);
    cr_assert(!IS_NULL(sup));
    Value self = V_NULL;
    Value m = descr_super_method(sup, N("hello"), &self);
    cr_assert(val_is(m, dict_get_str(ns, N("hello"))));
    cr_assert(val_is(self, o));
    /* Not a method, or missing: left to super's attribute lookup. */
    cr_assert(IS_NULL(descr_super_method(sup, N("data"), &self)));
    cr_assert(IS_NULL(descr_super_method(sup, N("nope"), &self)));
    cr_assert(!err_occurred());
}

/* __set_name__ of a namespace value's class runs with (value, owner,
 * name); an error becomes CPython 3.11's RuntimeError with it as cause. */
static Value seen_name;
static Value record_name(Value *args, int nargs, TupleObj *kw)
{
    (void)kw;
    cr_assert_eq(nargs, 3);
    seen_name = args[2];
    return V_NONE;
}

static Value refuse_name(Value *args, int nargs, TupleObj *kw)
{
    (void)args; (void)nargs; (void)kw;
    return err_set(&exc_ValueError, "no");
}

Test(type, set_name_is_called_and_errors_are_wrapped)
{
    DictObj *dns = dict_new();
    def(dns, "__set_name__", record_name);
    Value D = make_class("D", NULL, dns);
    DictObj *ns = dict_new();
    dict_set_str(ns, str_intern_cstr("field"), obj_call(D, NULL, 0, NULL));
    make_class("C", NULL, ns);
    cr_assert(IS_TYPE(seen_name, str_type));
    cr_assert_str_eq(STR_CSTR((StrObj *)AS_OBJ(seen_name)), "field");

    DictObj *bns = dict_new();
    def(bns, "__set_name__", refuse_name);
    Value B = make_class("Bad", NULL, bns);
    ns = dict_new();
    dict_set_str(ns, str_intern_cstr("x"), obj_call(B, NULL, 0, NULL));
    cr_assert(IS_NULL(type_new_class(str_from_cstr("E"), NULL, NULL, ns)));
    Value e = err_peek();
    cr_assert_str_eq(raised(&exc_RuntimeError),
                     "Error calling __set_name__ on 'Bad' instance 'x' in 'E'");
    cr_assert(val_isinstance(((ExcObj *)AS_OBJ(e))->cause, &exc_ValueError));
}
