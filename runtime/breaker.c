/* breaker.c - storage for the eval-breaker word (breaker.h says who writes
 * it and with which ordering). */
#include "runtime/breaker.h"

/* Written by the C signal handler, GIL waiters, the allocator and the
 * tracer; read with a relaxed load before every instruction. */
_Atomic uint32_t eb_word;

/* breaker.h says who switches them. */
_Atomic(EbTable) eb_table;
_Atomic(EbTable) eb_fast_table, eb_slow_table;
