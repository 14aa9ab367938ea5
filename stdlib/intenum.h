/* intenum.h - the IntEnum classes of the signal module (Signals, Handlers,
 * Sigmasks), written natively.
 *
 * They behave as CPython 3.11's IntEnum: members are int instances
 * (TF_INT_SUBCLASS), repr `<Signals.SIGINT: 2>`, str and format the int's,
 * `.name` and `.value`, `Signals(2)` finds the member and `Signals(32)`
 * raises `ValueError: 32 is not a valid Signals`.
 */
#ifndef SIGVM_INTENUM_H
#define SIGVM_INTENUM_H

#include "runtime/runtime.h"

/* A new enum class named `name` in module `module` (a C string literal). */
TypeObj *ie_new_type(const char *name, const char *module);
/* Add a member; a second name for a value already present becomes an
 * alias of the first member (SIGIOT is SIGABRT).  Returns the member. */
Value ie_add_member(TypeObj *t, const char *name, int64_t value);
/* The member with this value, or V_NULL (no exception set). */
Value ie_lookup(TypeObj *t, int64_t value);
/* signal.py's _int_to_enum: the member for an int value, else v itself. */
Value ie_to_enum(TypeObj *t, Value v);

#endif
