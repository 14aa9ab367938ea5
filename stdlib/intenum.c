/* intenum.c - native IntEnum classes for the signal module. */
#include "intenum.h"

#include <string.h>

/* An enum member: an int subclass instance that knows its name. */
typedef struct EnumMember {
    IntSubObj base;
    StrObj *name;
} EnumMember;

/* Per enum class: members by definition order, for lookups and list().
 * Kept in the class dict under a private key so the collector sees it. */
static StrObj *members_key(void)
{
    static StrObj *key;
    if (key == NULL)
        key = str_intern_cstr("_member_list_");
    return key;
}

static ListObj *member_list(TypeObj *t)
{
    Value l = dict_get_str(t->base_hdr.dict, members_key());
    return IS_NULL(l) ? NULL : (ListObj *)AS_OBJ(l);
}

static int64_t member_value(Value v)
{
    return ((EnumMember *)AS_OBJ(v))->base.value;
}

static Value member_repr(Value self)
{
    EnumMember *m = (EnumMember *)AS_OBJ(self);
    return V_OBJ(str_printf("<%s.%s: %lld>", OBJ_TYPE(m)->name,
                            STR_CSTR(m->name), (long long)m->base.value));
}

/* 3.11's IntEnum is a ReprEnum: str() and format() are the int's. */
static Value member_str(Value self)
{
    return V_OBJ(num_int_repr(member_value(self)));
}

static int member_hash(Value self, int64_t *out)
{
    return obj_hash(V_INT(member_value(self)), out);
}

static Value member_richcmp(Value a, Value b, int op)
{
    return num_richcmp(val_plain_int(a), val_plain_int(b), op);
}

static Value member_binop(Value a, Value b, int op)
{
    return num_binop(val_plain_int(a), val_plain_int(b), op);
}

static Value member_rbinop(Value self, Value other, int op)
{
    return num_binop(val_plain_int(other), val_plain_int(self), op);
}

static Value member_unop(Value self, int op)
{
    return num_unop(val_plain_int(self), op);
}

static int member_truth(Value self)
{
    return member_value(self) != 0;
}

static Value member_getattr(Value self, StrObj *name)
{
    EnumMember *m = (EnumMember *)AS_OBJ(self);
    if (strcmp(STR_CSTR(name), "name") == 0)
        return V_OBJ(m->name);
    if (strcmp(STR_CSTR(name), "value") == 0)
        return V_INT(m->base.value);
    return obj_generic_getattr(self, name);
}

static void member_trace(Obj *o)
{
    EnumMember *m = (EnumMember *)o;
    gc_mark_obj((Obj *)m->base.base.dict);
    gc_mark_obj((Obj *)m->name);
}

/* The metaclass: what `Signals` itself does when printed or called. */
static TypeObj enum_meta_type;

static Value meta_repr(Value self)
{
    return V_OBJ(str_printf("<enum '%s'>", ((TypeObj *)AS_OBJ(self))->name));
}

/* Signals(2) -> <Signals.SIGINT: 2>; Signals(SIGINT) -> SIGINT. */
static Value meta_call(Value self, Value *args, int nargs, TupleObj *kwnames)
{
    TypeObj *t = (TypeObj *)AS_OBJ(self);
    if (args_no_kw(t->name, kwnames) < 0 ||
        args_count(t->name, nargs, 1, 1) < 0)
        return V_NULL;
    int64_t n;
    Value found = V_NULL;
    if (IS_INT(args[0]))
        found = ie_lookup(t, AS_INT(args[0]));
    else if (val_as_int_subclass(args[0], &n))
        found = ie_lookup(t, n);
    if (!IS_NULL(found))
        return found;
    Value r = obj_repr(args[0]);
    if (IS_NULL(r))
        return V_NULL;
    return err_set(&exc_ValueError, "%s is not a valid %s",
                   STR_CSTR((StrObj *)AS_OBJ(r)), t->name);
}

static Value meta_iter(Value self)
{
    ListObj *l = member_list((TypeObj *)AS_OBJ(self));
    return obj_iter(V_OBJ(l));
}

static int64_t meta_len(Value self)
{
    return (int64_t)member_list((TypeObj *)AS_OBJ(self))->n;
}

static void meta_init(void)
{
    if (enum_meta_type.name != NULL)
        return;
    enum_meta_type = type_type;
    enum_meta_type.base_hdr.hdr.type = &type_type;
    enum_meta_type.base_hdr.dict = NULL;
    enum_meta_type.name = "EnumType";
    enum_meta_type.base = &type_type;
    enum_meta_type.repr = meta_repr;
    enum_meta_type.str = meta_repr;
    enum_meta_type.call = meta_call;
    enum_meta_type.iter = meta_iter;
    enum_meta_type.len = meta_len;
}

TypeObj *ie_new_type(const char *name, const char *module)
{
    meta_init();
    TypeObj *t = gc_alloc(&enum_meta_type, sizeof(TypeObj));
    t->base_hdr.dict = dict_new();
    t->name = name;
    t->name_str = str_intern_cstr(name);
    t->qualname = t->name_str;
    t->module = str_intern_cstr(module);
    t->base = &int_type;
    t->flags = TF_INT_SUBCLASS;
    t->instance_size = sizeof(EnumMember);
    t->trace = member_trace;
    t->repr = member_repr;
    t->str = member_str;
    t->hash = member_hash;
    t->richcmp = member_richcmp;
    t->binop = member_binop;
    t->rbinop = member_rbinop;
    t->unop = member_unop;
    t->getattr = member_getattr;
    t->truth = member_truth;
    dict_set_str(t->base_hdr.dict, members_key(), V_OBJ(list_new(0)));
    return t;
}

Value ie_lookup(TypeObj *t, int64_t value)
{
    ListObj *l = member_list(t);
    for (size_t i = 0; i < l->n; i++)
        if (member_value(l->items[i]) == value)
            return l->items[i];
    return V_NULL;
}

Value ie_add_member(TypeObj *t, const char *name, int64_t value)
{
    Value m = ie_lookup(t, value);
    if (IS_NULL(m)) {
        EnumMember *e = gc_alloc(t, sizeof(EnumMember));
        e->base.value = value;
        e->name = str_intern_cstr(name);
        m = V_OBJ(e);
        list_append(member_list(t), m);
    }
    dict_set_str(t->base_hdr.dict, str_intern_cstr(name), m);
    return m;
}

Value ie_to_enum(TypeObj *t, Value v)
{
    if (!IS_INT(v))
        return v;
    Value m = ie_lookup(t, AS_INT(v));
    return IS_NULL(m) ? v : m;
}
