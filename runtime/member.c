/* member.c - __slots__: a class statement's fixed instance attributes.
 *
 * A class whose body sets __slots__ gets one member descriptor per name
 * (`<member 'a' of 'C' objects>`), each reading and writing one Value
 * stored in the instance after the layout of its base.  When every class
 * from object down declares __slots__ (without '__dict__'), instances have
 * no dict at all: the type lacks TF_HAS_DICT, so other attribute names,
 * __dict__ and vars() fail as in CPython.  A subclass without __slots__
 * gets a dict again, beside its base's slots.
 *
 * Members are data descriptors: they win over an instance dict.
 */
#include <string.h>

#include "runtime/runtime.h"

typedef struct MemberObj {
    Obj hdr;
    TypeObj *owner; /* the class whose __slots__ named it */
    StrObj *name;
    size_t offset;  /* of its Value in the instance */
} MemberObj;

static void member_trace(Obj *o)
{
    MemberObj *m = (MemberObj *)o;
    gc_mark_obj((Obj *)m->owner);
    gc_mark_obj((Obj *)m->name);
}

static Value member_repr(Value self)
{
    MemberObj *m = (MemberObj *)AS_OBJ(self);
    return V_OBJ(str_printf("<member '%s' of '%s' objects>",
                            STR_CSTR(m->name), m->owner->name));
}

/* The instance's Value for m, or NULL with TypeError when obj is not an
 * instance of m's class. */
static Value *member_slot(MemberObj *m, Value obj)
{
    if (!val_isinstance(obj, m->owner)) {
        err_set(&exc_TypeError,
                "descriptor '%s' for '%s' objects doesn't apply to a '%s' "
                "object", STR_CSTR(m->name), m->owner->name,
                val_type_name(obj));
        return NULL;
    }
    return (Value *)((char *)AS_OBJ(obj) + m->offset);
}

static Value member_get(Value self, Value obj, TypeObj *owner)
{
    (void)owner;
    if (IS_NULL(obj) || IS_NONE(obj))
        return self;
    MemberObj *m = (MemberObj *)AS_OBJ(self);
    Value *slot = member_slot(m, obj);
    if (slot == NULL)
        return V_NULL;
    if (IS_NULL(*slot))
        return err_set(&exc_AttributeError, "'%s' object has no attribute '%s'",
                       val_type_name(obj), STR_CSTR(m->name));
    return *slot;
}

int member_set(Value self, Value obj, Value v)
{
    MemberObj *m = (MemberObj *)AS_OBJ(self);
    Value *slot = member_slot(m, obj);
    if (slot == NULL)
        return -1;
    if (IS_NULL(v) && IS_NULL(*slot)) {
        err_set(&exc_AttributeError, "%s", STR_CSTR(m->name)); /* as 3.11 */
        return -1;
    }
    *slot = v;
    return 0;
}

static Value member_getattr(Value self, StrObj *name)
{
    MemberObj *m = (MemberObj *)AS_OBJ(self);
    if (name == rt_names.name)
        return V_OBJ(m->name);
    if (strcmp(STR_CSTR(name), "__objclass__") == 0)
        return V_OBJ(m->owner);
    return obj_generic_getattr(self, name);
}

static int member_self(Value *args, int nargs, int want, const char *what)
{
    if (nargs < 1 || !IS_TYPE(args[0], member_type)) {
        err_set(&exc_TypeError, "descriptor '%s' requires a "
                "'member_descriptor' object", what);
        return -1;
    }
    if (nargs - 1 != want) {
        err_set(&exc_TypeError, "expected %d argument%s, got %d", want,
                want == 1 ? "" : "s", nargs - 1);
        return -1;
    }
    return 0;
}

static Value member_get_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (args_no_kw("__get__", kwnames) < 0 ||
        (nargs != 3 && member_self(args, nargs, 1, "__get__") < 0) ||
        (nargs == 3 && member_self(args, nargs, 2, "__get__") < 0))
        return V_NULL;
    return member_get(args[0], args[1], NULL);
}

static Value member_set_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (args_no_kw("__set__", kwnames) < 0 ||
        member_self(args, nargs, 2, "__set__") < 0)
        return V_NULL;
    return member_set(args[0], args[1], args[2]) < 0 ? V_NULL : V_NONE;
}

static Value member_delete_m(Value *args, int nargs, TupleObj *kwnames)
{
    if (args_no_kw("__delete__", kwnames) < 0 ||
        member_self(args, nargs, 1, "__delete__") < 0)
        return V_NULL;
    return member_set(args[0], args[1], V_NULL) < 0 ? V_NULL : V_NONE;
}

static const MethodDef member_methods[] = {
    {"__get__", member_get_m, NATIVE_METHOD},
    {"__set__", member_set_m, NATIVE_METHOD},
    {"__delete__", member_delete_m, NATIVE_METHOD},
    {NULL, NULL, 0},
};

TypeObj member_type = {
    TYPE_OBJ_HEAD,
    .name = "member_descriptor",
    .base = &object_type,
    .instance_size = sizeof(MemberObj),
    .trace = member_trace,
    .repr = member_repr,
    .getattr = member_getattr,
    .descr_get = member_get,
};

/* Instances with slots: what the base before any slots marks, then
 * every slot Value. */
static void slots_trace(Obj *o)
{
    TypeObj *t = OBJ_TYPE(o);
    t->slots_base_trace(o);
    Value *v = (Value *)((char *)o + t->slots_begin);
    Value *end = (Value *)((char *)o + t->instance_size);
    for (; v < end; v++)
        gc_mark_value(*v);
}

/* __slots__ as given: a str is one name, else an iterable of str. */
static ListObj *slot_names(Value spec)
{
    if (IS_TYPE(spec, str_type))
        return list_from_array(&spec, 1);
    Value l = list_from_iter(spec);
    if (IS_NULL(l))
        return NULL;
    ListObj *names = (ListObj *)AS_OBJ(l);
    for (size_t i = 0; i < names->n; i++)
        if (!IS_TYPE(names->items[i], str_type)) {
            err_set(&exc_TypeError, "__slots__ items must be strings, not "
                    "'%s'", val_type_name(names->items[i]));
            return NULL;
        }
    return names;
}

int member_install(TypeObj *t, DictObj *ns, int *has_slots)
{
    TypeObj *base = t->base;
    /* Subclasses inherit the layout: slots stay where the base put them. */
    t->slots_begin = base->slots_begin;
    t->slots_base_trace = base->slots_base_trace;
    if (base->slots_begin)
        t->trace = slots_trace;
    Value spec = dict_get_str(ns, str_intern_cstr("__slots__"));
    *has_slots = !IS_NULL(spec);
    if (!*has_slots)
        return 0;
    /* Iterating __slots__ may run script code, and nothing refers to the
     * new class yet. */
    Value owner = V_OBJ(t);
    gc_root_push(&owner);
    ListObj *names = slot_names(spec);
    gc_root_pop(1);
    if (names == NULL)
        return -1;
    gc_root_push(&spec);
    Value keep = V_OBJ(names);
    gc_root_push(&keep);
    int dict_wanted = 0, rc = 0;
    for (size_t i = 0; i < names->n && rc == 0; i++) {
        StrObj *name = str_intern((StrObj *)AS_OBJ(names->items[i]));
        if (strcmp(STR_CSTR(name), "__dict__") == 0) {
            dict_wanted = 1;
            continue;
        }
        if (!IS_NULL(dict_get_str(ns, name))) {
            err_set(&exc_ValueError,
                    "'%s' in __slots__ conflicts with class variable",
                    STR_CSTR(name));
            rc = -1;
            break;
        }
        if (!t->slots_begin) {
            t->slots_begin = t->instance_size;
            t->slots_base_trace = t->trace;
            t->trace = slots_trace;
        }
        MemberObj *m = gc_alloc(&member_type, sizeof *m);
        m->owner = t;
        m->name = name;
        m->offset = t->instance_size;
        t->instance_size += sizeof(Value);
        rc = dict_set(ns, V_OBJ(name), V_OBJ(m));
    }
    gc_root_pop(2);
    /* No dict when none was asked for and the base has none: object, a
     * builtin type without one (exceptions have theirs) or a class with
     * __slots__ all the way down. */
    int base_has_dict = base != &object_type && (base->flags & TF_HAS_DICT);
    if (rc == 0 && !dict_wanted && !base_has_dict)
        t->flags &= ~(uint32_t)TF_HAS_DICT;
    return rc;
}

void member_init(void)
{
    type_add_methods(&member_type, member_methods);
}
