/* runtime.h - the one header other folders include from runtime/. */
#ifndef SIGVM_RUNTIME_H
#define SIGVM_RUNTIME_H

#include "value.h"
#include "object.h"
#include "gc.h"
#include "breaker.h"
#include "error.h"
#include "tstate.h"
#include "code.h"
#include "frame.h"
#include "function.h"
#include "opcodes.h"
#include "str.h"
#include "bytes.h"
#include "tuple.h"
#include "list.h"
#include "dict.h"
#include "set.h"
#include "number.h"
#include "args.h"
#include "slice.h"
#include "iter.h"

/* Create the builtin types, interned names and the main thread state.
 * Called once by cli/ before anything else. */
void rt_init(void);

/* Each builtin type family's start-up hook, called by rt_init in this
 * order: they fill type dicts with methods and intern names. */
void num_init(void);   /* int, bool, float: number.c */
void str_init(void);   /* str: str.c */
void bytes_init(void);
void tuple_init(void);
void list_init(void);
void dict_init(void);
void set_init(void);
void range_init(void);
void slice_init(void);
void iter_init(void);  /* enumerate, zip, map, filter, reversed ... */
void exc_init(void);   /* the exception hierarchy */

#endif
