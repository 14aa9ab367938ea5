/* intsub.c - script classes derived from int (`class Flags(int): ...`).
 *
 * Their instances are IntSubObj: an instance (with its dict, so methods
 * and attributes work) carrying the int value.  The number slots unwrap
 * such operands and run int's own code, so arithmetic, comparisons,
 * hashing and repr behave as for the int itself and results are plain
 * ints, as in CPython; dunders the class defines replace these slots as
 * for any class (type.c installs them afterwards).
 */
#include "runtime/runtime.h"

static Value intsub_repr(Value self)
{
    return int_type.repr(val_plain_int(self));
}

static int intsub_hash(Value self, int64_t *out)
{
    return int_type.hash(val_plain_int(self), out);
}

static Value intsub_richcmp(Value a, Value b, int op)
{
    return int_type.richcmp(val_plain_int(a), val_plain_int(b), op);
}

static Value intsub_binop(Value a, Value b, int op)
{
    return int_type.binop(val_plain_int(a), val_plain_int(b), op);
}

static Value intsub_rbinop(Value self, Value other, int op)
{
    return int_type.rbinop(val_plain_int(self), val_plain_int(other), op);
}

static Value intsub_unop(Value self, int op)
{
    return int_type.unop(val_plain_int(self), op);
}

static int intsub_truth(Value self)
{
    return int_type.truth(val_plain_int(self));
}

/* cls(x, base=...): int's constructor, then the value in a new instance
 * of cls (its __init__, if any, runs after as for every class). */
static Value intsub_new(Value cls, Value *args, int nargs, TupleObj *kwnames)
{
    Value n = int_type.new_(V_OBJ(&int_type), args, nargs, kwnames);
    if (IS_NULL(n))
        return n;
    TypeObj *t = (TypeObj *)AS_OBJ(cls);
    IntSubObj *o = gc_alloc(t, t->instance_size);
    o->value = AS_INT(n);
    return V_OBJ(o);
}

/* int as the builtin base of a script subclass: what the class's slots
 * fall back to for what its dunders leave out (type.c, builtin_base). */
TypeObj intsub_base = {
    TYPE_OBJ_HEAD,
    .name = "int",
    .base = &object_type,
    .flags = TF_BASETYPE | TF_INT_SUBCLASS,
    .instance_size = sizeof(IntSubObj),
    .repr = intsub_repr,
    .hash = intsub_hash,
    .richcmp = intsub_richcmp,
    .binop = intsub_binop,
    .rbinop = intsub_rbinop,
    .unop = intsub_unop,
    .truth = intsub_truth,
    .new_ = intsub_new,
};

void intsub_setup(TypeObj *t)
{
    t->flags |= TF_INT_SUBCLASS;
    if (t->instance_size < sizeof(IntSubObj))
        t->instance_size = sizeof(IntSubObj);
    t->repr = intsub_base.repr;
    t->str = NULL;
    t->hash = intsub_base.hash;
    t->richcmp = intsub_base.richcmp;
    t->binop = intsub_base.binop;
    t->rbinop = intsub_base.rbinop;
    t->unop = intsub_base.unop;
    t->truth = intsub_base.truth;
    t->new_ = intsub_base.new_;
}
