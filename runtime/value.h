/* value.h - the tagged value every part of sigvm passes around.
 *
 * A Value is a type tag plus a payload, as Lua's TValue: None, bools, ints
 * and floats live in the payload and never allocate; everything else is a
 * pointer to a garbage-collected Obj.  VT_NULL is "no value": a C function
 * that returns it has set an exception on the thread state (or, for
 * iterators, reports exhaustion with no exception set).
 */
#ifndef SIGVM_VALUE_H
#define SIGVM_VALUE_H

#include <stdbool.h>
#include <stdint.h>

struct Obj;

typedef enum ValueTag {
    VT_NULL = 0, /* no value: error or exhausted iterator */
    VT_NONE,
    VT_BOOL,
    VT_INT,   /* 64-bit signed; overflow raises OverflowError */
    VT_FLOAT, /* C double */
    VT_OBJ    /* pointer to a heap object */
} ValueTag;

typedef struct Value {
    uint32_t tag;
    union {
        int64_t i;
        double f;
        struct Obj *o;
    } as;
} Value;

#define V_NULL ((Value){.tag = VT_NULL, .as = {.i = 0}})
#define V_NONE ((Value){.tag = VT_NONE, .as = {.i = 0}})
#define V_TRUE ((Value){.tag = VT_BOOL, .as = {.i = 1}})
#define V_FALSE ((Value){.tag = VT_BOOL, .as = {.i = 0}})
#define V_BOOL(b) ((Value){.tag = VT_BOOL, .as = {.i = (b) ? 1 : 0}})
#define V_INT(n) ((Value){.tag = VT_INT, .as = {.i = (int64_t)(n)}})
#define V_FLOAT(d) ((Value){.tag = VT_FLOAT, .as = {.f = (double)(d)}})
#define V_OBJ(p) ((Value){.tag = VT_OBJ, .as = {.o = (struct Obj *)(p)}})

#define IS_NULL(v) ((v).tag == VT_NULL)
#define IS_NONE(v) ((v).tag == VT_NONE)
#define IS_BOOL(v) ((v).tag == VT_BOOL)
#define IS_INT(v) ((v).tag == VT_INT)
#define IS_FLOAT(v) ((v).tag == VT_FLOAT)
#define IS_OBJ(v) ((v).tag == VT_OBJ)
/* ints and bools share arithmetic, as bool is a subclass of int. */
#define IS_INTLIKE(v) ((v).tag == VT_INT || (v).tag == VT_BOOL)

#define AS_INT(v) ((v).as.i)
#define AS_BOOL(v) ((v).as.i != 0)
#define AS_FLOAT(v) ((v).as.f)
#define AS_OBJ(v) ((v).as.o)

/* Identity, as Python's `is`: same tag and same payload bits. */
static inline bool val_is(Value a, Value b)
{
    return a.tag == b.tag && a.as.i == b.as.i;
}

#endif
