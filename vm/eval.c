/* eval.c - the dispatch loop.
 *
 * One function, vm_eval, runs a frame and every Python function it calls:
 * a call to a script function pushes a new frame and continues in the same
 * loop, and a return pops back to the caller, so script recursion does not
 * grow the C stack.  Only natives that call back into script code (obj_call
 * from C) start a nested loop.
 *
 * Before every instruction the loop tests the eval breaker with one relaxed
 * load: with computed gotos, the load of the dispatch table itself, which
 * breaker.h points at a table of slow-path entries while a bit is set
 * (DISPATCH); otherwise a compare of the word with zero (BREAKER_CHECK).
 * Under the CPython check-point policy, that test leads to a slow path
 * that ignores every bit but EB_TRACE, so only the check points (function
 * entry, taken backward jumps, after native calls) act on the others.
 *
 * Invariants the rest of the system relies on: ts_current->frame is the
 * innermost frame; whenever the loop leaves its registers (a call out, the
 * breaker's slow path, an error) the frame's lasti and stackdepth are
 * stored first (SYNC), so the collector marks exactly the live stack and
 * tracebacks, f_lineno and signal handlers see the current instruction.
 */
/* configure's results: HAVE_COMPUTED_GOTO and the benchmark-only
 * SIGVM_NO_BREAKER_CHECK.  Without this include both silently stay off. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/sigtrace.h"
#include "vm/vm.h"

#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#define NOINLINE __attribute__((noinline))
#define ALWAYS_INLINE inline __attribute__((always_inline))

/* Values on the stack and in frames are written as two 8-byte words:
 * the tag with its padding zeroed, then the payload; the loop copies them
 * through general registers, never as one 16-byte vector.  On the machine
 * measured (an AMD EPYC), a load forwards from an earlier store only when
 * the store covers it: a vector load of a value just stored as words, an
 * 8-byte load of a tag just stored as 4 bytes (passing a Value by value
 * loads its first word), or a word load of a vector store each wait for
 * the store, ~12 cycles.  GCC copies a Value with SSE and stores a tag as
 * 4 bytes, so the hot paths go through vset, vcopy and PUSH.  (Vector
 * copies of the globals fib loads made it 10% slower.) */
static ALWAYS_INLINE void vset(Value *dst, uint32_t tag, int64_t bits)
{
    uint64_t word = tag;
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    word <<= 32;
#endif
    memcpy(dst, &word, sizeof word);
    dst->as.i = bits;
}

static ALWAYS_INLINE void vcopy(Value *dst, const Value *src)
{
    vset(dst, src->tag, src->as.i);
}

/* ---- Inline cache for LOAD_GLOBAL ----------------------------------- */

/* A cached global is remembered by its position in the dict's entry
 * array, not by value: the entry at that position still holding the same
 * interned key proves it is the live entry for the name (keys are unique
 * among live entries, and deletion clears the key), so a loop that keeps
 * assigning the global still hits.  A builtin is cached the same way in
 * the builtins dict, valid while the globals' keys_version shows that no
 * name was added to (or removed from) the globals since.  STORE_GLOBAL
 * sites use gidx the same way, to assign in place. */
typedef struct GlobalCache {
    DictObj *globals;
    StrObj *name;  /* the site's name (held by the code's names) */
    uint64_t gver; /* globals keys_version when bidx was filled */
    int32_t gidx;  /* entry in globals, or -1 */
    int32_t bidx;  /* entry in builtins, or -1 */
    uint64_t ver;  /* globals version when val was copied from gidx */
    Value val;     /* borrowed: what the globals held at version ver */
} GlobalCache;

/* Attribute sites (LOAD_ATTR, STORE_ATTR, LOAD_METHOD) on instances of
 * script classes.  What the class chain says about the name is valid
 * while the instance's type is the one seen then and dict_watch_epoch has
 * not moved: chain_fill watches every dict on the chain, any change to a
 * watched dict moves the epoch, and so do a new class (a dead class's
 * address reused) and a type gaining a dict.  One comparison, however
 * deep the chain.  attr is the class attribute found (borrowed: still in
 * a watched dict that has not changed since), V_NULL when there is none;
 * idx is where the name sat in the last instance dict seen (or inline
 * slot), a hint checked like the globals cache.  sidx is where the name
 * is among the shared keys of a class with inline values (-1: not
 * there), which never changes once there, and a name joining them moves
 * the epoch: so an inline instance has the name exactly when it has
 * more than sidx values, at slot sidx.  The sites execute as their
 * _CACHED forms, whose argument is the cache slot, so name is the site's
 * name (held by the code's names). */
typedef struct AttrCache {
    TypeObj *type;
    uint64_t epoch;
    Value attr;
    int32_t idx, sidx;
    /* What attr_kinds says of attr: whether the instance's own value
     * comes first (attr is none, or no data descriptor), and whether attr
     * is what reading the name gives when the instance has none. */
    uint8_t inst_first, plain_attr;
    uint8_t method_kind; /* MK_*: what a LOAD_METHOD hit must check */
    StrObj *name;
} AttrCache;

/* LOAD_METHOD sites whose attr is a function or method native of the
 * type (decided with the rest of the cache, as the type's slots cannot
 * change without moving the epoch): MK_NODICT for instances of a type
 * with the generic lookup and no instance dict, MK_INSTANCE for script
 * class instances, whose own attributes may shadow the method. */
enum { MK_NONE, MK_NODICT, MK_INSTANCE };

typedef struct VmCache {
    uint32_t *qcode;  /* the instructions with superinstructions fused in
                         (quicken.c): what the loop executes */
    int32_t *slot_of; /* per instruction: its cache entry, or -1 */
    int nentries;
    /* What a call needs to know about the code, computed once. */
    int nfixed;       /* locals, cells and free variables */
    int nslots;       /* nfixed plus the value stack */
    int frame_class;  /* vm_frame_class(nslots) */
    int simple;       /* a plain function whose parameters are exactly its
                         positional arguments (is_simple_code) */
    int fast_argc;    /* simple: its argcount, the one call that
                         FAST_CALL takes; -1 otherwise */
    int bare;         /* simple, and its locals are exactly its
                         arguments: a call only copies them */
    int nlocals;      /* plain locals: nfixed without the cells */
    int ncells;       /* cells for variables nested functions capture */
    int nfrees;       /* free variables: cells the closure supplies */
    AttrCache *attrs;
    GlobalCache entries[];
} VmCache;

static inline Value entry_at(DictObj *d, int32_t i, StrObj *name)
{
    if ((uint32_t)i < d->nentries) {
        DictEntry *e = &d->entries[i];
        if (e->key.tag == VT_OBJ && e->key.as.o == (Obj *)name)
            return e->value;
    }
    return V_NULL;
}

/* Whether name is absent from d, decided cheaply for a small dict: no
 * entry (live or deleted) stores name's hash.  0 means "look it up". */
#define SMALL_DICT_SCAN 8
static inline int surely_absent(DictObj *d, StrObj *name)
{
    int64_t h = name->hash;
    if (h == -1 || d->nentries > SMALL_DICT_SCAN)
        return 0;
    for (size_t i = 0; i < d->nentries; i++)
        if (d->entries[i].hash == h)
            return 0;
    return 1;
}

/* Where entry i of d keeps name's value, or NULL (see entry_at). */
static inline Value *entry_slot(DictObj *d, int32_t i, StrObj *name)
{
    if ((uint32_t)i < d->nentries) {
        DictEntry *e = &d->entries[i];
        if (e->key.tag == VT_OBJ && e->key.as.o == (Obj *)name)
            return &e->value;
    }
    return NULL;
}

/* Where the cached global or builtin lives, or NULL on a miss.  A
 * pointer, not a Value with V_NULL for a miss: the hit path then copies
 * the value straight to the stack. */
static inline Value *global_cached(Frame *f, GlobalCache *c, StrObj *name)
{
    if (c->globals != f->globals)
        return NULL;
    if (c->gidx >= 0)
        return entry_slot(f->globals, c->gidx, name);
    if (c->bidx >= 0 && c->gver == f->globals->keys_version)
        return entry_slot(f->builtins, c->bidx, name);
    return NULL;
}

/* global_cached for the loads of functions and classes, whose module
 * seldom changes while they run: while the globals have not changed at
 * all since this site last read a global (their version; versions are
 * unique across dicts), the copy kept in the cache is the answer, with no
 * search of the entry array and a shorter chain of loads to the value.
 * fib(30) took 10% less time.  The groups of module-level loops, which
 * store globals all the time, keep to global_cached: refreshing the copy
 * on every miss made global_loop 16% slower. */
static inline Value *global_cached_copy(Frame *f, GlobalCache *c,
                                        StrObj *name)
{
    DictObj *g = f->globals;
    if (c->globals == g && c->ver == g->version)
        return &c->val;
    Value *p = global_cached(f, c, name);
    if (p != NULL && c->gidx >= 0) {
        c->ver = g->version;
        vcopy(&c->val, p);
    }
    return p;
}

static int is_global_op(int op)
{
    return op == OP_LOAD_GLOBAL || op == OP_STORE_GLOBAL;
}

static int is_attr_op(int op)
{
    return op == OP_LOAD_ATTR || op == OP_STORE_ATTR || op == OP_LOAD_METHOD;
}

/* Exactly the positional parameters: the arguments are the first
 * locals, with nothing to check or fill when the count matches; cells
 * are made by simple_cells and free variables come from the closure. */
static inline int is_simple_code(const CodeObj *co)
{
    return !(co->flags & (CO_VARARGS | CO_VARKEYWORDS)) &&
           co->kwonlyargcount == 0;
}

/* Global sites execute as their _CACHED forms, whose argument is the
 * cache slot: no per-execution search for the slot. */
static void cache_global_site(VmCache *c, const CodeObj *co, int i)
{
    int slot = c->slot_of[i];
    uint32_t w = co->code[i];
    c->entries[slot].name = co->names[INSTR_ARG(w)];
    int op = INSTR_OP(w) == OP_LOAD_GLOBAL ? OP_LOAD_GLOBAL_CACHED
                                           : OP_STORE_GLOBAL_CACHED;
    if (c->qcode[i] != w)
        op = INSTR_OP(c->qcode[i]); /* the first word of a group */
    c->qcode[i] = INSTR_MAKE(op, slot);
}

/* Attribute sites too, as LOAD_ATTR_CACHED and friends, the name moving
 * into the cache.  No superinstruction starts with them. */
static void cache_attr_site(VmCache *c, const CodeObj *co, int i)
{
    int slot = c->slot_of[i];
    uint32_t w = co->code[i];
    c->attrs[slot].name = co->names[INSTR_ARG(w)];
    int op = INSTR_OP(w);
    op = op == OP_LOAD_ATTR    ? OP_LOAD_ATTR_CACHED
         : op == OP_STORE_ATTR ? OP_STORE_ATTR_CACHED
                               : OP_LOAD_METHOD_CACHED;
    if (c->qcode[i] == w)
        c->qcode[i] = INSTR_MAKE(op, slot);
}

/* One malloc'd block (code.c frees it as such): header, global entries,
 * attribute entries, then the per-instruction index. */
static VmCache *cache_build(CodeObj *co)
{
    int ng = 0, na = 0;
    for (int i = 0; i < co->ncode; i++) {
        int op = INSTR_OP(co->code[i]);
        ng += is_global_op(op);
        na += is_attr_op(op);
    }
    size_t gsize = sizeof(VmCache) + (size_t)ng * sizeof(GlobalCache);
    size_t asize = (size_t)na * sizeof(AttrCache);
    size_t isize = (size_t)co->ncode * sizeof(int32_t);
    VmCache *c = calloc(1, gsize + asize + isize + (size_t)co->ncode * sizeof(uint32_t));
    if (c == NULL) {
        fputs("sigvm: out of memory\n", stderr);
        abort();
    }
    c->attrs = (AttrCache *)((char *)c + gsize);
    c->slot_of = (int32_t *)((char *)c + gsize + asize);
    c->qcode = (uint32_t *)((char *)c + gsize + asize + isize);
    vm_quicken(co, c->qcode);
    c->nfixed = co->nlocals + co->ncells + co->nfrees;
    c->nslots = vm_frame_slots(co);
    c->frame_class = vm_frame_class(c->nslots);
    c->simple = !(co->flags & (CO_GENERATOR | CO_CLASSBODY)) &&
                is_simple_code(co);
    c->fast_argc = c->simple ? co->argcount : -1;
    c->bare = c->simple && co->nlocals == co->argcount && co->ncells == 0 &&
              co->nfrees == 0;
    c->nlocals = co->nlocals;
    c->ncells = co->ncells;
    c->nfrees = co->nfrees;
    c->nentries = ng;
    ng = na = 0;
    for (int i = 0; i < co->ncode; i++) {
        int op = INSTR_OP(co->code[i]);
        c->slot_of[i] = is_global_op(op) ? ng++ : is_attr_op(op) ? na++ : -1;
        if (is_global_op(op))
            cache_global_site(c, co, i);
        else if (is_attr_op(op))
            cache_attr_site(c, co, i);
    }
    return c;
}

static inline int chain_valid(TypeObj *t, const AttrCache *c)
{
    return c->type == t && c->epoch == dict_watch_epoch;
}

static inline int is_unbound_method(Value m)
{
    if (!IS_OBJ(m))
        return 0;
    TypeObj *mt = OBJ_TYPE(AS_OBJ(m));
    if (mt == &func_type)
        return 1;
    if (mt == &native_type) {
        NativeObj *n = (NativeObj *)AS_OBJ(m);
        return (n->flags & NATIVE_METHOD) && IS_NULL(n->self);
    }
    return 0;
}

/* Fill AttrCache.inst_first and plain_attr for the class attribute
 * found.  Only builtin types' values qualify: a script class could gain
 * __get__ or __set__ without any dict on the instance's chain changing.
 * Of those only property, __slots__ members and builtin getsets are data
 * descriptors (obj_generic_getattr). */
static void attr_kinds(AttrCache *c)
{
    TypeObj *at = IS_NULL(c->attr) ? NULL : val_type(c->attr);
    int builtin = at != NULL && !(at->flags & TF_HEAPTYPE);
    c->inst_first = at == NULL ||
                     (builtin && at != &property_type && at != &member_type &&
                      at != &getset_type);
    c->plain_attr = builtin && at->descr_get == NULL;
}

/* The MK_* of a LOAD_METHOD site on instances of t finding attr. */
static int method_kind(TypeObj *t, Value attr)
{
    int generic = t->getattr == NULL || t->getattr == obj_generic_getattr;
    if (!is_unbound_method(attr) || !generic)
        return MK_NONE;
    if ((t->flags & TF_HEAPTYPE) && (t->flags & TF_HAS_DICT))
        return MK_INSTANCE;
    return (t->flags & TF_HAS_DICT) || t == &module_type ? MK_NONE
                                                         : MK_NODICT;
}

/* Record what the chain says about name now; the type must qualify. */
static void chain_fill(TypeObj *t, AttrCache *c, StrObj *name)
{
    for (TypeObj *p = t; p != NULL; p = p->base)
        if (p->base_hdr.dict != NULL)
            dict_watch(p->base_hdr.dict);
    c->epoch = dict_watch_epoch;
    c->attr = type_lookup(t, name);
    attr_kinds(c);
    c->method_kind = (uint8_t)method_kind(t, c->attr);
    c->idx = -1;
    c->sidx = t->flags & TF_INLINE_VALUES ? type_shared_index(t, name) : -1;
    c->type = t;
}

/* val_type without a call for the objects the attribute paths see. */
static inline TypeObj *type_of(Value v)
{
    return LIKELY(IS_OBJ(v)) ? OBJ_TYPE(AS_OBJ(v)) : val_type(v);
}

/* Instances of script classes with the generic attribute protocol. */
static inline int plain_instance(Value obj, TypeObj *t)
{
    return IS_OBJ(obj) && (t->flags & TF_HEAPTYPE) && (t->flags & TF_HAS_DICT) &&
           (t->getattr == NULL || t->getattr == obj_generic_getattr);
}

static inline VmCache *code_cache(CodeObj *co)
{
    if (UNLIKELY(co->vm_cache == NULL))
        co->vm_cache = cache_build(co);
    return co->vm_cache;
}

/* ---- The eval breaker's slow path ------------------------------------ */

static int run_hook(int (*hook)(void), uint32_t bit)
{
    if (hook == NULL) {
        eb_clear(bit);
        return 0;
    }
    return hook();
}

/* Everything that asked the loop to leave its fast path, in a fixed
 * order.  The frame's lasti and stackdepth are already stored, so the
 * collector and signal handlers see the truth. */
static NOINLINE int breaker_slow(uint32_t allowed)
{
    uint32_t w = eb_load() & allowed;
    if ((w & EB_SIGNALS) && run_hook(vm_signal_hook, EB_SIGNALS) < 0)
        return -1;
    if ((w & EB_PENDING) && run_hook(vm_pending_hook, EB_PENDING) < 0)
        return -1;
    if ((w & EB_GIL_DROP) && run_hook(vm_gil_drop_hook, EB_GIL_DROP) < 0)
        return -1;
    if (w & EB_GC) {
        eb_clear(EB_GC);
        gc_collect_if_due();
    }
    if ((w & EB_ASYNC_EXC) && run_hook(vm_async_exc_hook, EB_ASYNC_EXC) < 0)
        return -1;
    if ((w & EB_TRACE) && run_hook(vm_trace_hook, EB_TRACE) < 0)
        return -1;
    return 0;
}

/* ---- Helpers for the slow parts of instructions ---------------------- */

static const char *cell_name(CodeObj *co, int i)
{
    StrObj *s = i < co->ncells ? co->cellvars[i] : co->freevars[i - co->ncells];
    return STR_CSTR(s);
}

static NOINLINE Value unbound_local(CodeObj *co, int i)
{
    return err_set(&exc_UnboundLocalError,
                   "cannot access local variable '%s' where it is not "
                   "associated with a value",
                   STR_CSTR(co->varnames[i]));
}

static NOINLINE Value unbound_deref(CodeObj *co, int i)
{
    if (i < co->ncells)
        return err_set(&exc_UnboundLocalError,
                       "cannot access local variable '%s' where it is not "
                       "associated with a value",
                       cell_name(co, i));
    return err_set(&exc_NameError,
                   "cannot access free variable '%s' where it is not "
                   "associated with a value in enclosing scope",
                   cell_name(co, i));
}

static NOINLINE Value name_error(StrObj *name)
{
    return err_set(&exc_NameError, "name '%s' is not defined", STR_CSTR(name));
}

static NOINLINE Value load_global_slow(Frame *f, StrObj *name, GlobalCache *c)
{
    c->globals = f->globals;
    c->gidx = c->bidx = -1;
    Value v = dict_get_str(f->globals, name);
    if (!IS_NULL(v)) {
        c->gidx = dict_index_str(f->globals, name);
        return v;
    }
    v = dict_get_str(f->builtins, name);
    if (IS_NULL(v))
        return name_error(name);
    c->gver = f->globals->keys_version;
    c->bidx = dict_index_str(f->builtins, name);
    return v;
}

/* A STORE_GLOBAL that missed its cache: store by key, then remember
 * where the name sits for the next time. */
static NOINLINE int store_global_slow(Frame *f, StrObj *name, Value v,
                                      GlobalCache *c)
{
    if (dict_set_str(f->globals, name, v) < 0)
        return -1;
    c->globals = f->globals;
    c->gidx = dict_index_str(f->globals, name);
    c->bidx = -1;
    return 0;
}

static Value load_name(Frame *f, StrObj *name)
{
    Value v = V_NULL;
    if (f->locals != NULL)
        v = dict_get_str(f->locals, name);
    if (IS_NULL(v))
        v = dict_get_str(f->globals, name);
    if (IS_NULL(v))
        v = dict_get_str(f->builtins, name);
    if (IS_NULL(v))
        return name_error(name);
    return v;
}

static int store_name(Frame *f, StrObj *name, Value v)
{
    if (f->locals == NULL) {
        err_set(&exc_SystemError, "no locals found when storing '%s'",
                STR_CSTR(name));
        return -1;
    }
    return dict_set_str(f->locals, name, v);
}

static int delete_from(DictObj *d, StrObj *name)
{
    if (d == NULL || IS_NULL(dict_get_str(d, name))) {
        name_error(name);
        return -1;
    }
    return dict_del(d, V_OBJ(name));
}

static Value load_classderef(Frame *f, int i)
{
    CodeObj *co = f->code;
    StrObj *name = i < co->ncells ? co->cellvars[i] : co->freevars[i - co->ncells];
    Value v = f->locals != NULL ? dict_get_str(f->locals, name) : V_NULL;
    if (!IS_NULL(v))
        return v;
    v = ((CellObj *)AS_OBJ(FRAME_CELLS(f)[i]))->v;
    return IS_NULL(v) ? unbound_deref(co, i) : v;
}

/* self.x where x is an instance attribute that nothing on the class
 * chain overrides: the cached position in the instance dict or inline
 * values, checked.  An inline instance without x gives the class's plain
 * value, if any (a default like `count = 0`).  V_NULL otherwise. */
static inline Value load_attr_cached(Value obj, StrObj *name, AttrCache *c)
{
    if (!IS_OBJ(obj))
        return V_NULL;
    TypeObj *t = OBJ_TYPE(AS_OBJ(obj));
    if (!chain_valid(t, c)) {
        /* A module's attributes are its dict's entries (module_getattr
         * looks there first): idx is the last position seen. */
        if (t == &module_type)
            return entry_at(((InstanceObj *)AS_OBJ(obj))->dict, c->idx, name);
        return V_NULL;
    }
    if (!c->inst_first)
        return V_NULL;
    InstanceObj *inst = (InstanceObj *)AS_OBJ(obj);
    if (inst->dict != NULL)
        return entry_at(inst->dict, c->idx, name);
    if (!(t->flags & TF_INLINE_VALUES))
        return V_NULL;
    if ((uint32_t)c->sidx < ((ValuesObj *)inst)->nvals)
        return ((ValuesObj *)inst)->vals[c->sidx];
    return c->plain_attr ? c->attr : V_NULL;
}

static NOINLINE Value load_attr_slow(Value obj, StrObj *name, AttrCache *c)
{
    Value v = obj_getattr(obj, name);
    TypeObj *t = type_of(obj);
    if (!IS_NULL(v) && plain_instance(obj, t)) {
        chain_fill(t, c, name);
        if (c->inst_first)
            c->idx = inst_index(obj, t, name);
    } else if (!IS_NULL(v) && t == &module_type) {
        c->idx = dict_index_str(((InstanceObj *)AS_OBJ(obj))->dict, name);
    }
    return v;
}

/* obj.x = v inline in the loop, for an instance attribute that nothing
 * on the class chain intercepts (the site's cache was filled by
 * store_attr for a type that qualifies): in place at the position the
 * site's hint gives.  1 when done, 0 when store_attr must decide. */
static ALWAYS_INLINE int store_attr_cached(Value obj, StrObj *name, Value v,
                                           const AttrCache *c)
{
    if (!IS_OBJ(obj))
        return 0;
    TypeObj *t = OBJ_TYPE(AS_OBJ(obj));
    if (!chain_valid(t, c) || !c->inst_first)
        return 0;
    InstanceObj *inst = (InstanceObj *)AS_OBJ(obj);
    if (inst->dict != NULL)
        return dict_replace_at(inst->dict, c->idx, name, v);
    if (!(t->flags & TF_INLINE_VALUES))
        return 0;
    /* Replace slot sidx, or fill it as the next one when the instance has
     * room: sidx is name's shared key, so no other slot holds name. */
    ValuesObj *vo = (ValuesObj *)inst;
    uint32_t i = (uint32_t)c->sidx;
    if (i <= vo->nvals && i < vo->cap) {
        vo->vals[i] = v;
        vo->nvals += i == vo->nvals;
        return 1;
    }
    return 0;
}

/* obj.x = v when store_attr_cached could not: refills the site's cache
 * for instances of script classes with the generic protocol. */
static NOINLINE int store_attr(Value obj, StrObj *name, Value v, AttrCache *c)
{
    TypeObj *t = type_of(obj);
    if (plain_instance(obj, t) && t->setattr == obj_generic_setattr) {
        if (!chain_valid(t, c))
            chain_fill(t, c, name);
        if (c->type == t && c->inst_first) {
            /* Remember where the name sits now.  A new key goes last, and
             * instances of a class usually add their attributes in the
             * same order, so this is a good hint for the next object. */
            int32_t ix = inst_set(obj, t, name, v);
            if (ix < 0)
                return -1;
            c->idx = ix;
            return 0;
        }
    }
    return obj_setattr(obj, name, v);
}

/* load_method's common cases, inline in the loop: a cached method of a
 * script class that the instance dict surely does not shadow, or of a
 * builtin type whose instances have no dict.  1 when done, 0 when
 * load_method must decide. */
static ALWAYS_INLINE int load_method_cached(Value *sp, StrObj *name,
                                            const AttrCache *c)
{
    Value obj = sp[-1];
    if (!IS_OBJ(obj))
        return 0;
    TypeObj *t = OBJ_TYPE(AS_OBJ(obj));
    if (!chain_valid(t, c)) {
        if (t != &module_type)
            return 0;
        /* math.floor(x): the module's entry, called without self. */
        Value v = entry_at(((InstanceObj *)AS_OBJ(obj))->dict, c->idx, name);
        if (IS_NULL(v))
            return 0;
        sp[-1] = V_NULL;
        sp[0] = v;
        return 1;
    }
    if (c->method_kind == MK_INSTANCE) {
        /* Without a dict, an instance of a class with inline values
         * may hold the name only if it is a shared key (AttrCache). */
        DictObj *d = ((InstanceObj *)AS_OBJ(obj))->dict;
        if (d != NULL ? !surely_absent(d, name) : c->sidx >= 0)
            return 0;
    } else if (c->method_kind != MK_NODICT) {
        return 0;
    }
    sp[-1] = c->attr;
    sp[0] = obj;
    return 1;
}

/* LOAD_METHOD without a bound-method allocation: when the attribute is a
 * function (or method native) found on the type and not shadowed by the
 * instance dict, store it as [meth, self].  Otherwise [NULL, attr]. */
static NOINLINE int load_method(Value *sp, StrObj *name, AttrCache *c)
{
    Value obj = sp[-1];
    TypeObj *t = type_of(obj);
    if (plain_instance(obj, t)) {
        if (!chain_valid(t, c))
            chain_fill(t, c, name);
        if (c->type == t && is_unbound_method(c->attr)) {
            if (IS_NULL(inst_get(obj, t, name))) {
                sp[-1] = c->attr;
                sp[0] = obj;
                return 0;
            }
        }
    } else if (t == &module_type) {
        DictObj *d = ((InstanceObj *)AS_OBJ(obj))->dict;
        c->idx = dict_index_str(d, name);
        Value v = entry_at(d, c->idx, name);
        if (!IS_NULL(v)) {
            sp[-1] = V_NULL;
            sp[0] = v;
            return 0;
        }
    } else if (t == &super_type) {
        Value self;
        Value m = descr_super_method(obj, name, &self);
        if (!IS_NULL(m)) {
            sp[-1] = m;
            sp[0] = self;
            return 0;
        }
    } else if (t->getattr == NULL || t->getattr == obj_generic_getattr ||
               (t->flags & TF_HEAPTYPE)) {
        /* list.append and friends: the type lookup cached like above. */
        if (!chain_valid(t, c))
            chain_fill(t, c, name);
        Value m = c->attr;
        if (is_unbound_method(m)) {
            if (IS_NULL(inst_get(obj, t, name))) {
                sp[-1] = m;
                sp[0] = obj;
                return 0;
            }
        }
    }
    Value a = obj_getattr(obj, name);
    if (IS_NULL(a))
        return -1;
    sp[-1] = V_NULL;
    sp[0] = a;
    return 0;
}

/* Special-method lookup for `with`: on the type, bound to obj. */
static Value special_method(Value obj, const char *name)
{
    TypeObj *t = val_type(obj);
    Value m = type_lookup(t, str_intern_cstr(name));
    if (IS_NULL(m))
        return V_NULL;
    TypeObj *mt = val_type(m);
    if (mt->descr_get != NULL)
        return mt->descr_get(m, obj, t);
    return m;
}

Value vm_stopiteration_value(Value exc)
{
    ExcObj *e = (ExcObj *)AS_OBJ(exc);
    if (e->base.dict != NULL) {
        Value v = dict_get_cstr(e->base.dict, "value");
        if (!IS_NULL(v))
            return v;
    }
    if (e->args != NULL && e->args->n > 0)
        return e->args->items[0];
    return V_NONE;
}

/* After an iterator returned V_NULL: 1 exhausted (a StopIteration, if
 * any, is cleared and its value stored in *value), -1 a real error. */
static int iter_finished(Value *value)
{
    *value = V_NONE;
    if (!err_occurred())
        return 1;
    if (!err_matches(&exc_StopIteration))
        return -1;
    *value = vm_stopiteration_value(err_fetch());
    return 1;
}

void vm_chain_context(Value exc)
{
    ThreadState *ts = ts_current;
    Value h = ts->handled;
    if (IS_NULL(h) || IS_NONE(h) || val_is(h, exc))
        return;
    /* Break a cycle rather than create one: if exc is already in the
     * handled exception's context chain, cut the chain there. */
    for (Value p = h; !IS_NULL(p) && !IS_NONE(p);) {
        ExcObj *pe = (ExcObj *)AS_OBJ(p);
        if (val_is(pe->context, exc)) {
            pe->context = V_NULL;
            break;
        }
        p = pe->context;
    }
    ((ExcObj *)AS_OBJ(exc))->context = h;
}

static int is_exception_class(Value v)
{
    return IS_OBJ(v) && val_isinstance(v, &type_type) == 1 &&
           type_is_subtype((TypeObj *)AS_OBJ(v), &exc_BaseException);
}

/* An exception instance from `raise X` / `from X`: a class is called. */
static Value make_exception(Value v, const char *what)
{
    if (is_exception_class(v)) {
        Value inst = obj_call0(v);
        if (IS_NULL(inst))
            return V_NULL;
        if (val_isinstance(inst, &exc_BaseException) != 1)
            return err_set(&exc_TypeError,
                           "calling %s should have returned an instance of "
                           "BaseException, not %s",
                           ((TypeObj *)AS_OBJ(v))->name, val_type_name(inst));
        return inst;
    }
    if (val_isinstance(v, &exc_BaseException) == 1)
        return v;
    return err_set(&exc_TypeError, "%s must derive from BaseException", what);
}

/* RAISE_VARARGS with 1 or 2 operands; always returns -1. */
static NOINLINE int do_raise(Value exc, Value cause)
{
    exc = make_exception(exc, "exceptions");
    if (IS_NULL(exc))
        return -1;
    if (!IS_NULL(cause)) {
        Value gc_exc = exc;
        gc_root_push(&gc_exc);
        Value c = IS_NONE(cause) ? V_NULL
                                 : make_exception(cause, "exception causes");
        gc_root_pop(1);
        if (IS_NULL(c) && !IS_NONE(cause))
            return -1;
        ExcObj *e = (ExcObj *)AS_OBJ(exc);
        e->cause = c;
        e->suppress_context = 1;
    }
    vm_chain_context(exc);
    err_restore(exc);
    return -1;
}

static Value build_map(Value *items, int n)
{
    DictObj *d = dict_new();
    for (int i = 0; i < n; i++)
        if (dict_set(d, items[2 * i], items[2 * i + 1]) < 0)
            return V_NULL;
    return V_OBJ(d);
}

static Value build_set(Value *items, int n)
{
    SetObj *s = set_new();
    for (int i = 0; i < n; i++)
        if (set_add(s, items[i]) < 0)
            return V_NULL;
    return V_OBJ(s);
}

static Value build_tuple(Value *items, int n)
{
    TupleObj *t = tuple_new((size_t)n);
    if (n > 0)
        memcpy(t->items, items, (size_t)n * sizeof(Value));
    return V_OBJ(t);
}

static Value build_list(Value *items, int n)
{
    ListObj *l = list_new((size_t)n);
    if (n > 0)
        memcpy(l->items, items, (size_t)n * sizeof(Value));
    return V_OBJ(l);
}

static Value unpack_error(int expected, int64_t got, int at_least)
{
    if (got < expected)
        return err_set(&exc_ValueError,
                       "not enough values to unpack (expected %s%d, got %lld)",
                       at_least ? "at least " : "", expected, (long long)got);
    return err_set(&exc_ValueError, "too many values to unpack (expected %d)",
                   expected);
}

static Value *seq_items(Value seq, size_t *n)
{
    if (IS_TYPE(seq, tuple_type)) {
        *n = ((TupleObj *)AS_OBJ(seq))->n;
        return ((TupleObj *)AS_OBJ(seq))->items;
    }
    if (IS_TYPE(seq, list_type)) {
        *n = ((ListObj *)AS_OBJ(seq))->n;
        return ((ListObj *)AS_OBJ(seq))->items;
    }
    return NULL;
}

/* Unpack seq into `before` values, a list of the rest (when star) and
 * `after` values, stored at out[0..] in reverse order (first on top).
 * seq is rooted by the caller (still on the value stack). */
static int unpack(Value seq, int before, int star, int after, Value *out)
{
    if (val_type(seq)->iter == NULL && val_type(seq)->getitem == NULL) {
        err_set(&exc_TypeError, "cannot unpack non-iterable %s object",
                val_type_name(seq));
        return -1;
    }
    Value lst = list_from_iter(seq);
    if (IS_NULL(lst))
        return -1;
    ListObj *l = (ListObj *)AS_OBJ(lst);
    int64_t n = (int64_t)l->n;
    int total = before + after + star;
    if (!star && n != before) {
        unpack_error(before, n, 0);
        return -1;
    }
    if (star && n < before + after) {
        unpack_error(before + after, n, 1);
        return -1;
    }
    int k = 0;
    for (int i = 0; i < before; i++)
        out[total - 1 - k++] = l->items[i];
    if (star) {
        int64_t nmid = n - before - after;
        ListObj *mid = list_new((size_t)nmid);
        if (nmid > 0)
            memcpy(mid->items, l->items + before, (size_t)nmid * sizeof(Value));
        out[total - 1 - k++] = V_OBJ(mid);
    }
    for (int i = 0; i < after; i++)
        out[total - 1 - k++] = l->items[n - after + i];
    return 0;
}

/* Fast UNPACK_SEQUENCE of an exact tuple or list of the right length. */
static inline int unpack_fast(Value seq, int n, Value *out)
{
    size_t len;
    Value *items = seq_items(seq, &len);
    if (items == NULL || len != (size_t)n)
        return 0;
    for (int i = 0; i < n; i++)
        out[n - 1 - i] = items[i];
    return 1;
}

static Value format_value(Value v, int conv, Value spec)
{
    Value gc_v = v;
    gc_root_push(&gc_v);
    if (conv == 1)
        v = obj_str(v);
    else if (conv == 2 || conv == 3)
        v = obj_repr(v);
    gc_v = v;
    Value r = v;
    if (!IS_NULL(v)) {
        if (IS_NULL(spec) && IS_TYPE(v, str_type))
            r = v;
        else if (IS_NULL(spec))
            r = obj_str(v);
        else
            r = str_format_value(v, (StrObj *)AS_OBJ(spec));
    }
    gc_root_pop(1);
    return r;
}

static int check_iterable(Value v)
{
    TypeObj *t = val_type(v);
    if (t->iter != NULL || t->getitem != NULL)
        return 0;
    err_set(&exc_TypeError, "Value after * must be an iterable, not %s",
            val_type_name(v));
    return -1;
}

static int dict_update_mapping(Value dict, Value update)
{
    if (!IS_TYPE(update, dict_type) &&
        !obj_hasattr(update, str_intern_cstr("keys"))) {
        err_set(&exc_TypeError, "'%s' object is not a mapping",
                val_type_name(update));
        return -1;
    }
    return dict_update((DictObj *)AS_OBJ(dict), update);
}

/* DICT_MERGE for f(**x): duplicates are "multiple values" errors. */
static int dict_merge(Value func, Value dict, Value update)
{
    char name[256];
    if (!IS_TYPE(update, dict_type)) {
        if (!obj_hasattr(update, str_intern_cstr("keys"))) {
            err_set(&exc_TypeError,
                    "%s argument after ** must be a mapping, not %s",
                    vm_func_name(func, name, sizeof name),
                    val_type_name(update));
            return -1;
        }
        Value tmp = V_OBJ(dict_new());
        gc_root_push(&tmp);
        int r = dict_update((DictObj *)AS_OBJ(tmp), update);
        gc_root_pop(1);
        if (r < 0)
            return -1;
        update = tmp;
    }
    DictObj *src = (DictObj *)AS_OBJ(update);
    DictObj *dst = (DictObj *)AS_OBJ(dict);
    size_t pos = 0;
    Value k, v, old;
    while (dict_next(src, &pos, &k, &v)) {
        int found = dict_lookup(dst, k, &old);
        if (found < 0)
            return -1;
        if (found) {
            if (IS_TYPE(k, str_type))
                err_set(&exc_TypeError,
                        "%s got multiple values for keyword argument '%s'",
                        vm_func_name(func, name, sizeof name),
                        STR_CSTR((StrObj *)AS_OBJ(k)));
            else
                err_set(&exc_TypeError, "keywords must be strings");
            return -1;
        }
        if (dict_set(dst, k, v) < 0)
            return -1;
    }
    return 0;
}

static Value make_function(Frame *f, Value *sp, int flags, int *npopped)
{
    Value qualname = sp[-1];
    Value code = sp[-2];
    int k = 3;
    FuncObj *fn = func_new((CodeObj *)AS_OBJ(code), f->globals,
                           (StrObj *)AS_OBJ(qualname));
    if (fn == NULL)
        return V_NULL;
    if (flags & 0x08)
        fn->closure = (TupleObj *)AS_OBJ(sp[-k++]);
    if (flags & 0x02)
        fn->kwdefaults = (DictObj *)AS_OBJ(sp[-k++]);
    if (flags & 0x01)
        fn->defaults = (TupleObj *)AS_OBJ(sp[-k++]);
    if (fn->builtins == NULL)
        fn->builtins = f->builtins;
    if (fn->module == NULL) {
        Value m = dict_get_str(f->globals, rt_names.name);
        if (IS_TYPE(m, str_type))
            fn->module = (StrObj *)AS_OBJ(m);
    }
    *npopped = k - 1; /* qualname, code and the optional operands */
    return V_OBJ(fn);
}

static int print_expr(Value v)
{
    if (vm_displayhook != NULL)
        return vm_displayhook(v);
    if (IS_NONE(v))
        return 0;
    Value r = obj_repr(v);
    if (IS_NULL(r))
        return -1;
    StrObj *s = (StrObj *)AS_OBJ(r);
    fwrite(s->data, 1, s->nbytes, stdout);
    fputc('\n', stdout);
    return 0;
}

static Value import_from(Value module, StrObj *name)
{
    Value v = obj_getattr(module, name);
    if (!IS_NULL(v) || !err_matches(&exc_AttributeError))
        return v;
    err_clear();
    const char *mname = "?";
    if (IS_TYPE(module, module_type) && ((ModuleObj *)AS_OBJ(module))->name)
        mname = STR_CSTR(((ModuleObj *)AS_OBJ(module))->name);
    return err_set(&exc_ImportError,
                   "cannot import name '%s' from '%s' (unknown location)",
                   STR_CSTR(name), mname);
}

/* A cached STORE_GLOBAL: replace the value in place and return 1, or 0 on
 * a miss.  The value goes to dict_replace_at as words (see vset): passed
 * as a Value read from the stack, GCC moved it with a vector load and
 * store, stalling on the words just pushed and then the next LOAD_GLOBAL
 * stalling on the vector store. */
static ALWAYS_INLINE int global_store_cached(Frame *f, GlobalCache *c,
                                             const Value *v)
{
    Value w;
    w.tag = v->tag;
    w.as.i = v->as.i;
    return c->globals == f->globals &&
           dict_replace_at(f->globals, c->gidx, c->name, w);
}

static NOINLINE Value binary_slow(Value a, Value b, int op)
{
    return obj_binop(a, b, op);
}

/* Ints and floats without a call: store the result at *out and return 1,
 * or return 0 to take the slow path (no exception set), including on int
 * overflow, which the slow path reports.  The result goes to memory as a
 * tag and a payload: returning a Value would make the compiler assemble
 * the pair in registers on every path. */
#define SET_INT(p, n) (vset((p), VT_INT, (n)), 1)
#define SET_FLOAT(p, d) (vset((p), VT_FLOAT, V_FLOAT(d).as.i), 1)
static ALWAYS_INLINE int binary_fast(Value a, Value b, int op, Value *out)
{
    if (op >= BOP_INPLACE)
        op -= BOP_INPLACE;
    if (IS_INT(a) && IS_INT(b)) {
        int64_t x = AS_INT(a), y = AS_INT(b), r;
        switch (op) {
        case BOP_ADD:
            if (!__builtin_add_overflow(x, y, &r))
                return SET_INT(out, r);
            break;
        case BOP_SUB:
            if (!__builtin_sub_overflow(x, y, &r))
                return SET_INT(out, r);
            break;
        case BOP_MUL:
            if (!__builtin_mul_overflow(x, y, &r))
                return SET_INT(out, r);
            break;
        case BOP_FLOORDIV:
            /* y == -1 is left to the slow path: INT64_MIN // -1
             * overflows, and C's INT64_MIN % -1 is undefined. */
            if (y != 0 && y != -1) {
                int64_t q = x / y;
                if (x % y != 0 && ((x ^ y) < 0))
                    q--;
                return SET_INT(out, q);
            }
            break;
        case BOP_MOD:
            if (y != 0 && y != -1) {
                r = x % y;
                if (r != 0 && ((r ^ y) < 0))
                    r += y;
                return SET_INT(out, r);
            }
            break;
        case BOP_RSHIFT:
            if (y >= 0)
                return SET_INT(out, y > 63 ? (x < 0 ? -1 : 0) : x >> y);
            break;
        case BOP_LSHIFT:
            if (y >= 0 && y < 63) {
                /* Shift as unsigned (a negative x must not reach C's
                 * undefined shift); no bits lost means no overflow. */
                r = (int64_t)((uint64_t)x << y);
                if (r >> y == x)
                    return SET_INT(out, r);
            }
            break;
        case BOP_AND:
            return SET_INT(out, x & y);
        case BOP_OR:
            return SET_INT(out, x | y);
        case BOP_XOR:
            return SET_INT(out, x ^ y);
        default:
            break;
        }
    } else if (IS_FLOAT(a) && IS_FLOAT(b)) {
        double x = AS_FLOAT(a), y = AS_FLOAT(b);
        switch (op) {
        case BOP_ADD:
            return SET_FLOAT(out, x + y);
        case BOP_SUB:
            return SET_FLOAT(out, x - y);
        case BOP_MUL:
            return SET_FLOAT(out, x * y);
        case BOP_TRUEDIV:
            if (y != 0.0)
                return SET_FLOAT(out, x / y);
            break;
        default:
            break;
        }
    }
    return 0;
}

static inline int compare_ints(int64_t x, int64_t y, int op)
{
    switch (op) {
    case CMP_LT: return x < y;
    case CMP_LE: return x <= y;
    case CMP_EQ: return x == y;
    case CMP_NE: return x != y;
    case CMP_GT: return x > y;
    default: return x >= y;
    }
}

static inline int compare_floats(double x, double y, int op)
{
    switch (op) {
    case CMP_LT: return x < y;
    case CMP_LE: return x <= y;
    case CMP_EQ: return x == y;
    case CMP_NE: return x != y;
    case CMP_GT: return x > y;
    default: return x >= y;
    }
}

/* list[i] and tuple[i] for an int i; V_NULL: take the slow path. */
static inline Value subscr_fast(Value o, Value k)
{
    if (!IS_INT(k))
        return V_NULL;
    size_t n;
    Value *items = seq_items(o, &n);
    if (items == NULL)
        return V_NULL;
    int64_t i = AS_INT(k);
    if (i < 0)
        i += (int64_t)n;
    if (i < 0 || (uint64_t)i >= n)
        return V_NULL;
    return items[i];
}

static inline int truth_fast(Value v)
{
    if (IS_BOOL(v) || IS_INT(v))
        return AS_INT(v) != 0;
    if (IS_NONE(v))
        return 0;
    return obj_truthy(v);
}

/* Call a non-inlined callable; args[-1] may be overwritten with a bound
 * self so the callee gets it in args[0] without copying. */
static inline Value call_native(Value callable, Value *args, int nargs,
                                TupleObj *kwnames)
{
    if (IS_OBJ(callable)) {
        TypeObj *ct = OBJ_TYPE(AS_OBJ(callable));
        if (ct == &native_type) {
            NativeObj *n = (NativeObj *)AS_OBJ(callable);
            if (IS_NULL(n->self))
                return n->fn(args, nargs, kwnames);
            args[-1] = n->self;
            return n->fn(args - 1, nargs + 1, kwnames);
        }
    }
    return obj_call(callable, args, nargs, kwnames);
}

static inline int is_plain_func(Value v)
{
    return IS_OBJ(v) && OBJ_TYPE(AS_OBJ(v)) == &func_type &&
           !(((FuncObj *)AS_OBJ(v))->code->flags & (CO_GENERATOR | CO_CLASSBODY));
}

/* The frame's own cells, each holding its parameter's value where the
 * captured variable is a parameter (the parameter's slot is then unbound,
 * as call.c's init_cells leaves it).  Allocating cannot collect: that
 * happens only at instruction boundaries, when the frame is linked. */
static NOINLINE void simple_cells(Frame *nf, const CodeObj *co)
{
    Value *cells = FRAME_CELLS(nf);
    for (int i = 0; i < co->ncells; i++) {
        int arg = co->cell2arg != NULL ? co->cell2arg[i] : -1;
        Value init = V_NULL;
        if (arg >= 0) {
            init = nf->slots[arg];
            nf->slots[arg] = V_NULL;
        }
        cells[i] = V_OBJ(cell_new(init));
    }
}

/* The frame for a call of a simple function (VmCache.simple) with
 * exactly its positional arguments: vm_frame_new without recomputing
 * what the code's cache already knows. */
static ALWAYS_INLINE Frame *simple_frame(FuncObj *fn, const VmCache *cc,
                                         DictObj *builtins, const Value *args,
                                         int nargs)
{
    int cls = cc->frame_class;
    Frame *nf;
    if (LIKELY(cls <= VM_FRAME_NCLASSES && vm_free_frames[cls] != NULL)) {
        nf = vm_free_frames[cls];
        vm_free_frames[cls] = nf->back;
        vm_free_count[cls]--;
    } else {
        nf = vm_frame_alloc(cc->nslots);
    }
    nf->code = fn->code;
    nf->func = fn;
    nf->globals = fn->globals;
    nf->builtins = fn->builtins ? fn->builtins : builtins;
    nf->locals = NULL;
    nf->lasti = -1;
    nf->stackdepth = 0;
    nf->nblocks = 0;
    nf->escaped = 0;
    nf->finished = 0;
    nf->is_gen = 0;
    nf->init_call = 0;
    int i = 0;
    for (; i < nargs; i++)
        vcopy(&nf->slots[i], &args[i]);
    if (LIKELY(cc->bare))
        return nf;
    for (; i < cc->nlocals; i++)
        nf->slots[i] = V_NULL;
    if (UNLIKELY(cc->nlocals != cc->nfixed)) {
        if (cc->ncells != 0)
            simple_cells(nf, fn->code);
        i += cc->ncells;
        for (int k = 0; i < cc->nfixed; i++, k++)
            nf->slots[i] = fn->closure->items[k];
    }
    return nf;
}

/* Whether simple_frame can take this call: the closure must supply
 * every free variable (it always does for a function MAKE_FUNCTION made;
 * anything else takes the general path, which makes empty cells). */
static ALWAYS_INLINE int simple_call(const FuncObj *fn, const VmCache *cc,
                                     int nargs)
{
    return cc->simple && nargs == fn->code->argcount &&
           (LIKELY(cc->nfrees == 0) ||
            (fn->closure != NULL && fn->closure->n >= (size_t)cc->nfrees));
}

/* Whether an __init__ of t made of `self.NAME = ARG` statements only
 * (then `return None`) may run without its frame: each store must put
 * the next shared key of a fresh instance into its inline values, with
 * nothing on the class chain intercepting it (attr_kinds), and new
 * instances must have room for them all.  Those facts change only with
 * the class dicts, the shared keys or inline_cap, all of which move
 * dict_watch_epoch, and inline_init_fill plans again when it moves.
 * Sets t->init_nstores (-1: no plan) and t->init_src. */
static void init_plan(TypeObj *t, const FuncObj *init)
{
    const CodeObj *co = init->code;
    t->init_nstores = -1;
    if (!(t->flags & TF_INLINE_VALUES) || t->setattr != obj_generic_setattr ||
        !is_simple_code(co) || co->ncells != 0 || co->nfrees != 0 ||
        (co->flags & (CO_GENERATOR | CO_CLASSBODY)))
        return;
    const uint32_t *w = co->code;
    ListObj *keys = t->shared_keys;
    int n = 0, i = 0;
    for (; i + 2 < co->ncode && INSTR_OP(w[i]) == OP_LOAD_FAST; i += 3) {
        int src = INSTR_ARG(w[i]);
        if (INSTR_OP(w[i + 1]) != OP_LOAD_FAST || INSTR_ARG(w[i + 1]) != 0 ||
            INSTR_OP(w[i + 2]) != OP_STORE_ATTR || src >= co->argcount ||
            n == TYPE_INIT_PLAN_MAX || keys == NULL || (size_t)n >= keys->n)
            return;
        StrObj *name = co->names[INSTR_ARG(w[i + 2])];
        AttrCache probe = {.attr = type_lookup(t, name)};
        attr_kinds(&probe);
        if (keys->items[n].as.o != (Obj *)name || !probe.inst_first)
            return;
        t->init_src[n++] = (uint8_t)src;
    }
    if (i + 1 < co->ncode && INSTR_OP(w[i]) == OP_LOAD_CONST &&
        IS_NONE(co->consts[INSTR_ARG(w[i])]) &&
        INSTR_OP(w[i + 1]) == OP_RETURN_VALUE && (uint32_t)n <= t->inline_cap)
        t->init_nstores = (int8_t)n;
}

/* Calling t with these arguments under init_plan's plan: the instance,
 * its values stored, with no frame; V_NULL when the plan does not
 * apply (no plan, other arguments, or the eval breaker asks to see
 * every instruction or a signal is pending). */
static inline Value init_by_plan(TypeObj *t, const FuncObj *init,
                                 const Value *args, int nargs,
                                 const TupleObj *kwnames)
{
    int n = t->init_nstores;
    if (n < 0 || kwnames != NULL || nargs + 1 != init->code->argcount ||
        eb_load() != 0)
        return V_NULL;
    Value obj = obj_new_instance(t); /* room for n: inline_cap only grows */
    ValuesObj *vo = (ValuesObj *)AS_OBJ(obj);
    for (int k = 0; k < n; k++) {
        int src = t->init_src[k];
        vo->vals[k] = src == 0 ? obj : args[src - 1];
    }
    vo->nvals = (uint32_t)n;
    return obj;
}

/* The class's own __init__ when calling the class can run it as a frame
 * of this loop (a plain script function); NULL otherwise.  Mirrors
 * type.c's lookup on the script-defined part of the chain, whose dicts
 * it watches so that the answer stays cached until one changes. */
static NOINLINE FuncObj *inline_init_fill(TypeObj *t)
{
    FuncObj *found = NULL;
    for (TypeObj *p = t; p && (p->flags & TF_HEAPTYPE); p = p->base) {
        dict_watch(p->base_hdr.dict);
        Value v = dict_get_str(p->base_hdr.dict, rt_names.init);
        if (!IS_NULL(v)) {
            found = is_plain_func(v) ? (FuncObj *)AS_OBJ(v) : NULL;
            break;
        }
    }
    t->init_cache = (Obj *)found;
    t->init_epoch = dict_watch_epoch;
    if (found != NULL)
        init_plan(t, found);
    return found;
}

static inline FuncObj *inline_init(TypeObj *t)
{
    if (!(t->flags & TF_HEAPTYPE) || t->new_ == NULL)
        return NULL;
    if (LIKELY(t->init_epoch == dict_watch_epoch))
        return (FuncObj *)t->init_cache;
    return inline_init_fill(t);
}

/* The stack cut back from sp to keep while an exception unwinds: a for
 * loop's generator among the dropped values is closed now (gen.c,
 * gen_loop_release), top first, as CPython's reference counting does. */
static NOINLINE Value *drop_values(Frame *f, Value *sp, Value *keep)
{
    while (sp > keep) {
        Value v = *--sp;
        if (IS_TYPE(v, gen_type)) {
            f->stackdepth = (int)(sp - FRAME_STACK(f));
            gen_loop_release(v);
        }
    }
    return keep;
}

static NOINLINE Value recursion_error(void)
{
    return err_set(&exc_RecursionError, "maximum recursion depth exceeded");
}

/* ---- The loop -------------------------------------------------------- */

/* The per-instruction test is one relaxed load compared with zero: no
 * policy mask is kept in a register.  Any bit sends the loop to
 * breaker_instr, which acts only on the bits the policy lets it see
 * between check points (policy_mask) and otherwise runs the instruction
 * as if nothing were set, so the CPython policy behaves as before; it only
 * pays the slow path's few tests per instruction while a bit waits for
 * the next check point.  SIGVM_NO_BREAKER_CHECK (a benchmark-only
 * configure switch) compiles the per-instruction test out; the check
 * points stay, so collections still happen at calls and loop back-edges. */
#define BREAKER_CHECK_ALWAYS() \
    do { \
        if (UNLIKELY(eb_load())) \
            goto breaker_cp; \
    } while (0)
#ifdef SIGVM_NO_BREAKER_CHECK
#define BREAKER_CHECK() ((void)0)
#elif defined(__x86_64__) && defined(__GNUC__)
/* On x86-64 an aligned 4-byte compare with memory is the same relaxed
 * atomic load, and compare-and-branch is one fused operation; GCC will not
 * fold an atomic load into a compare, so eb_load() costs a third
 * instruction on every dispatch. */
#define BREAKER_CHECK() \
    __asm__ goto("cmpl $0, %0\n\tjne %l[breaker_instr]" \
                 : /* asm goto: no outputs */ \
                 : "m"(eb_word) \
                 : "cc" \
                 : breaker_instr)
#else
#define BREAKER_CHECK() \
    do { \
        if (UNLIKELY(eb_load())) \
            goto breaker_instr; \
    } while (0)
#endif

#ifdef HAVE_COMPUTED_GOTO
#define TARGET(op) L_##op:
#define DISPATCH_NOCHECK() \
    do { \
        instr = *ip++; \
        oparg = (intptr_t)(instr >> 8); \
        goto *labels[INSTR_OP(instr)]; \
    } while (0)
#else
#define TARGET(op) case OP_##op:
#define DISPATCH_NOCHECK() goto dispatch_nocheck
#endif

/* Normal dispatch: test the breaker under the every-instruction policy.
 * With computed gotos the test is the load of the dispatch table itself
 * (breaker.h's eb_table): while a breaker bit is set, every opcode's
 * entry is breaker_table, so the one relaxed load per instruction that
 * finds the code also tests the breaker, and nothing else is added. */
#if defined(HAVE_COMPUTED_GOTO) && !defined(SIGVM_NO_BREAKER_CHECK)
#define BREAKER_TABLE 1
#define DISPATCH() \
    do { \
        instr = *ip++; \
        oparg = (intptr_t)(instr >> 8); \
        goto *atomic_load_explicit(&eb_table, \
                                   memory_order_relaxed)[INSTR_OP(instr)]; \
    } while (0)
#else
#define DISPATCH() \
    do { \
        BREAKER_CHECK(); \
        DISPATCH_NOCHECK(); \
    } while (0)
#endif
/* A check point (function entry, backward jump, after a native call):
 * test the breaker under either policy. */
#define DISPATCH_CP() \
    do { \
        BREAKER_CHECK_ALWAYS(); \
        DISPATCH_NOCHECK(); \
    } while (0)

#define INDEX() ((int)(ip - first_instr) - 1)
#define SYNC() \
    do { \
        f->lasti = INDEX(); \
        f->stackdepth = (int)(sp - stack_base); \
    } while (0)
#define PUSH(v) \
    do { \
        Value v_ = (v); \
        vset(sp, v_.tag, v_.as.i); \
        sp++; \
    } while (0)
#define POP() (*--sp)
/* Replace the top value (see vset). */
#define SET_TOP(v) \
    do { \
        Value t_ = (v); \
        vset(&sp[-1], t_.tag, t_.as.i); \
    } while (0)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define JUMPTO(i) (ip = first_instr + (i))
/* A taken jump is a check point when it goes backward. */
#define JUMP_DISPATCH(target) \
    do { \
        int from_ = INDEX(); \
        JUMPTO(target); \
        if ((target) <= from_) \
            DISPATCH_CP(); \
        DISPATCH(); \
    } while (0)

/* Load what the loop keeps about f, whose code has run before (a caller
 * being returned or unwound to): its cache exists. */
#define FRAME_STATE() \
    do { \
        co = f->code; \
        cache = co->vm_cache; \
        first_instr = cache->qcode; \
        stack_base = f->slots + cache->nfixed; \
        consts = co->consts; \
    } while (0)
#define RESUME_FRAME() \
    do { \
        FRAME_STATE(); \
        ip = first_instr + f->lasti + 1; \
        sp = stack_base + f->stackdepth; \
    } while (0)
/* The same for the frame the loop starts with, which may be new. */
#define LOAD_FRAME() \
    do { \
        (void)code_cache(f->code); \
        RESUME_FRAME(); \
    } while (0)

/* Enter nf, a fresh frame of fn whose code's cache is cc, called from
 * the frame f whose stack ends at `top`. */
#define ENTER_FRAME(nf, fn, cc, top) \
    do { \
        f->stackdepth = (int)((top) - stack_base); \
        (nf)->back = f; \
        (nf)->vm_resume_ip = ip; \
        (nf)->vm_resume_sp = (top); \
        ts->frame = (nf); \
        ts->depth++; \
        f = (nf); \
        co = (fn)->code; \
        cache = (cc); \
        first_instr = ip = (cc)->qcode; \
        stack_base = sp = f->slots + (cc)->nfixed; \
        consts = co->consts; \
    } while (0)

#ifndef SIGVM_NO_BREAKER_CHECK
/* Under the CPython policy only EB_TRACE (instruction counting for
 * --inject and --trace-signals) is seen between check points; the other
 * bits wait for the next check point. */
static uint32_t policy_mask(void)
{
    return vm_checkpoint_policy == VM_CHECK_EVERY_INSTR ? ~0u : EB_TRACE;
}
#endif

Value vm_eval(Frame *f, int throwing)
{
#ifdef HAVE_COMPUTED_GOTO
    /* Every byte value has a target, so a bad opcode cannot jump wild;
     * the opcode list then overrides its own entries. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
    static void *const labels[256] = {
        [0 ... 255] = &&L_unknown,
#define OPCODE_LABEL(name, effect, jump) [OP_##name] = &&L_##name,
        SIGVM_OPCODES(OPCODE_LABEL)
#undef OPCODE_LABEL
    };
#pragma GCC diagnostic pop
#endif
#ifdef BREAKER_TABLE
    /* eb_table while a breaker bit is set (see DISPATCH). */
    static void *const breaker_labels[256] = {[0 ... 255] = &&breaker_table};
    if (UNLIKELY(atomic_load_explicit(&eb_fast_table, memory_order_relaxed) ==
                 NULL))
        eb_install(labels, breaker_labels);
#endif
    ThreadState *ts = ts_current;
    Frame *entry = f;
    CodeObj *co;
    const uint32_t *first_instr, *ip;
    Value *stack_base, *sp, *consts;
    /* The code's names: not a local of its own, which GCC would spill and
     * every call and return would store; only slow paths and attribute
     * sites read it. */
#define names (co->names)
    VmCache *cache;
    uint32_t instr;
    intptr_t oparg; /* pointer-sized: indexes without a sign extension */
    uint32_t breaker_mask; /* the bits the slow path may act on */
    /* Operands of the shared call sequence (do_call). */
    Value callable, *cargs, *cret;
    Value retval; /* what RETURN_VALUE's shared part returns */
    int cnargs;
    TupleObj *ckw;

    LOAD_FRAME();
    if (throwing)
        goto error;
    DISPATCH_CP();

#ifdef BREAKER_TABLE
breaker_table:
    /* DISPATCH has read the instruction: step back to it. */
    ip--;
    goto breaker_instr;
#endif
#ifndef SIGVM_NO_BREAKER_CHECK
breaker_instr:
    /* A bit is set before an instruction that is no check point. */
    breaker_mask = policy_mask();
    {
        uint32_t w = eb_load();
        if (!(w & breaker_mask)) {
            /* An eb_set whose table store lost a race with the eb_clear
             * of its bit can leave the slow table with no bit set. */
            if (w == 0)
                eb_sync_table();
            DISPATCH_NOCHECK();
        }
    }
    goto breaker;
#endif

breaker_cp:
    breaker_mask = ~0u;
    goto breaker;

breaker:
    /* The instruction at ip is about to execute: that is where an
     * exception from a handler is raised and what f_lineno reports. */
    f->lasti = (int)(ip - first_instr);
    f->stackdepth = (int)(sp - stack_base);
    if (breaker_slow(breaker_mask) < 0) {
        ip++;
        goto error;
    }
    /* Run the original instruction, not a superinstruction: whoever set
     * the breaker (tracing, instruction counting) sees each instruction
     * of the code object (quicken.c). */
    instr = co->code[ip - first_instr];
    ip++;
    oparg = (intptr_t)(instr >> 8);
#ifdef HAVE_COMPUTED_GOTO
    goto *labels[INSTR_OP(instr)];
#else
    goto dispatch_switch;
#endif

#ifndef HAVE_COMPUTED_GOTO
dispatch_nocheck:
    instr = *ip++;
    oparg = (intptr_t)(instr >> 8);
dispatch_switch:
    switch (INSTR_OP(instr)) {
#endif

    TARGET(NOP) DISPATCH();

    TARGET(POP_TOP) {
        sp--;
        DISPATCH();
    }

    TARGET(ROT_TWO) {
        Value a;
        vcopy(&a, &sp[-1]);
        vcopy(&sp[-1], &sp[-2]);
        vcopy(&sp[-2], &a);
        DISPATCH();
    }

    TARGET(ROT_THREE) {
        Value a = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = sp[-3];
        sp[-3] = a;
        DISPATCH();
    }

    TARGET(ROT_FOUR) {
        Value a = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = sp[-3];
        sp[-3] = sp[-4];
        sp[-4] = a;
        DISPATCH();
    }

    TARGET(DUP_TOP) {
        vcopy(&sp[0], &sp[-1]);
        sp++;
        DISPATCH();
    }

    TARGET(DUP_TOP_TWO) {
        vcopy(&sp[0], &sp[-2]);
        vcopy(&sp[1], &sp[-1]);
        sp += 2;
        DISPATCH();
    }

    TARGET(LOAD_CONST) {
        PUSH(consts[oparg]);
        DISPATCH();
    }

    TARGET(LOAD_FAST) {
        Value v = f->slots[oparg];
        if (UNLIKELY(IS_NULL(v))) {
            unbound_local(co, oparg);
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_FAST) {
        sp--;
        vcopy(&f->slots[oparg], sp);
        DISPATCH();
    }

    TARGET(DELETE_FAST) {
        if (IS_NULL(f->slots[oparg])) {
            unbound_local(co, oparg);
            goto error;
        }
        f->slots[oparg] = V_NULL;
        DISPATCH();
    }

    TARGET(LOAD_DEREF) {
        Value v = ((CellObj *)AS_OBJ(FRAME_CELLS(f)[oparg]))->v;
        if (UNLIKELY(IS_NULL(v))) {
            unbound_deref(co, oparg);
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_DEREF) {
        ((CellObj *)AS_OBJ(FRAME_CELLS(f)[oparg]))->v = POP();
        DISPATCH();
    }

    TARGET(DELETE_DEREF) {
        CellObj *c = (CellObj *)AS_OBJ(FRAME_CELLS(f)[oparg]);
        if (IS_NULL(c->v)) {
            unbound_deref(co, oparg);
            goto error;
        }
        c->v = V_NULL;
        DISPATCH();
    }

    TARGET(LOAD_CLOSURE) {
        PUSH(FRAME_CELLS(f)[oparg]);
        DISPATCH();
    }

    TARGET(LOAD_CLASSDEREF) {
        Value v = load_classderef(f, oparg);
        if (IS_NULL(v))
            goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL) {
        GlobalCache *c = &cache->entries[cache->slot_of[INDEX()]];
        Value *p = global_cached_copy(f, c, names[oparg]);
        if (LIKELY(p != NULL)) {
            PUSH(*p);
            DISPATCH();
        }
        Value v = load_global_slow(f, names[oparg], c);
        if (IS_NULL(v))
            goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_GLOBAL) {
        GlobalCache *c = &cache->entries[cache->slot_of[INDEX()]];
        if (LIKELY(c->globals == f->globals &&
                   dict_replace_at(f->globals, c->gidx, names[oparg], TOP()))) {
            sp--;
            DISPATCH();
        }
        if (store_global_slow(f, names[oparg], TOP(), c) < 0)
            goto error;
        sp--;
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL_CACHED) {
    L_LOAD_GLOBAL_CACHED_BODY:;
        GlobalCache *c = &cache->entries[oparg];
        Value *p = global_cached_copy(f, c, c->name);
        if (LIKELY(p != NULL)) {
            PUSH(*p);
            DISPATCH();
        }
        Value v = load_global_slow(f, c->name, c);
        if (IS_NULL(v))
            goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_GLOBAL_CACHED) {
        GlobalCache *c = &cache->entries[oparg];
        if (UNLIKELY(!global_store_cached(f, c, &sp[-1]))) {
            if (store_global_slow(f, c->name, TOP(), c) < 0)
                goto error;
        }
        sp--;
        DISPATCH();
    }

    TARGET(DELETE_GLOBAL) {
        if (delete_from(f->globals, names[oparg]) < 0)
            goto error;
        DISPATCH();
    }

    TARGET(LOAD_NAME) {
        Value v = load_name(f, names[oparg]);
        if (IS_NULL(v))
            goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_NAME) {
        SYNC();
        if (store_name(f, names[oparg], TOP()) < 0)
            goto error;
        sp--;
        DISPATCH();
    }

    TARGET(DELETE_NAME) {
        SYNC();
        if (delete_from(f->locals, names[oparg]) < 0)
            goto error;
        DISPATCH();
    }

    /* The plain attribute forms run only as the breaker path's original
     * words: find their cache slot and go on as the _CACHED form. */
    TARGET(LOAD_ATTR) {
        oparg = cache->slot_of[INDEX()];
        goto L_LOAD_ATTR_SLOT;
    }

    TARGET(STORE_ATTR) {
        oparg = cache->slot_of[INDEX()];
        goto L_STORE_ATTR_SLOT;
    }

    TARGET(LOAD_METHOD) {
        oparg = cache->slot_of[INDEX()];
        goto L_LOAD_METHOD_SLOT;
    }

    TARGET(LOAD_ATTR_CACHED) {
    L_LOAD_ATTR_SLOT:;
        Value obj = TOP();
        AttrCache *c = &cache->attrs[oparg]; /* cache_attr_site */
        Value v = load_attr_cached(obj, c->name, c);
        if (IS_NULL(v)) {
            SYNC();
            v = load_attr_slow(obj, c->name, c);
            if (IS_NULL(v))
                goto error;
        }
        sp[-1] = v;
        DISPATCH();
    }

    TARGET(STORE_ATTR_CACHED) {
    L_STORE_ATTR_SLOT:;
        AttrCache *c = &cache->attrs[oparg]; /* cache_attr_site */
        if (!store_attr_cached(TOP(), c->name, SECOND(), c)) {
            SYNC();
            if (store_attr(TOP(), c->name, SECOND(), c) < 0)
                goto error;
        }
        sp -= 2;
        DISPATCH();
    }

    TARGET(DELETE_ATTR) {
        SYNC();
        if (obj_setattr(TOP(), names[oparg], V_NULL) < 0)
            goto error;
        sp--;
        DISPATCH();
    }

    TARGET(LOAD_METHOD_CACHED) {
    L_LOAD_METHOD_SLOT:;
        AttrCache *c = &cache->attrs[oparg]; /* cache_attr_site */
        if (!load_method_cached(sp, c->name, c)) {
            SYNC();
            if (load_method(sp, c->name, c) < 0)
                goto error;
        }
        sp++;
        DISPATCH();
    }

    /* The common call first, in each call target (so that each has its own
     * indirect jump to predict): a plain function that takes exactly
     * these positional arguments (fast_argc; simple_call's test).  Its
     * frame cannot collect (collections happen only at instruction
     * boundaries, and so cannot simple_cells' cells), so only lasti must
     * be stored before it. */
#define FAST_CALL() \
    do { \
        if (LIKELY(IS_OBJ(callable)) && \
            OBJ_TYPE(AS_OBJ(callable)) == &func_type) { \
            FuncObj *fn = (FuncObj *)AS_OBJ(callable); \
            VmCache *cc = fn->code->vm_cache; \
            if (LIKELY(cc != NULL && cc->fast_argc == cnargs && \
                       (LIKELY(cc->bare) || cc->nfrees == 0 || \
                        (fn->closure != NULL && \
                         fn->closure->n >= (size_t)cc->nfrees)) && \
                       ts->depth < ts_recursion_limit)) { \
                f->lasti = INDEX(); \
                Frame *nf = simple_frame(fn, cc, f->builtins, cargs, cnargs); \
                ENTER_FRAME(nf, fn, cc, cret); \
                DISPATCH_CP(); \
            } \
        } \
    } while (0)

    TARGET(CALL_METHOD) {
        Value *base = sp - oparg - 2;
        cret = base;
        ckw = NULL;
        if (IS_NULL(base[0])) {
            callable = base[1];
            cargs = base + 2;
            cnargs = oparg;
        } else {
            callable = base[0];
            cargs = base + 1;
            cnargs = oparg + 1;
        }
        FAST_CALL();
        goto do_call;
    }

    TARGET(CALL_FUNCTION) {
        cargs = sp - oparg;
        cret = cargs - 1;
        callable = cargs[-1];
        cnargs = oparg;
        ckw = NULL;
        FAST_CALL();
        goto do_call;
    }

    TARGET(CALL_FUNCTION_KW) {
        ckw = (TupleObj *)AS_OBJ(sp[-1]);
        cargs = sp - 1 - oparg;
        cret = cargs - 1;
        callable = cargs[-1];
        cnargs = oparg - (int)ckw->n;
        goto do_call;
    }

    TARGET(CALL_FUNCTION_EX) {
        SYNC();
        Value kw = (oparg & 1) ? sp[-1] : V_NULL;
        Value *base = sp - 2 - (oparg & 1);
        Value r = vm_call_ex(base[0], base[1], kw);
        sp = base;
        if (IS_NULL(r))
            goto error;
        PUSH(r);
        DISPATCH_CP();
    }

    do_call:
        SYNC();
        /* A bound method of a script function is called as the function
         * with self in the slot below the arguments. */
        if (IS_TYPE(callable, method_type)) {
            MethodObj *m = (MethodObj *)AS_OBJ(callable);
            if (IS_TYPE(m->func, func_type)) {
                callable = m->func;
                cargs[-1] = m->self;
                cargs--;
                cnargs++;
            }
        }
        if (is_plain_func(callable)) {
            if (UNLIKELY(ts->depth >= ts_recursion_limit)) {
                recursion_error();
                goto error;
            }
            FuncObj *fn = (FuncObj *)AS_OBJ(callable);
            VmCache *cc = code_cache(fn->code);
            Frame *nf;
            if (LIKELY(ckw == NULL && simple_call(fn, cc, cnargs))) {
                nf = simple_frame(fn, cc, f->builtins, cargs, cnargs);
            } else {
                nf = vm_frame_for_call(fn, cargs, cnargs, ckw);
                if (nf == NULL)
                    goto error;
            }
            ENTER_FRAME(nf, fn, cc, cret);
            DISPATCH_CP();
        }
        /* Calling a script class whose __init__ is a script function:
         * make the instance, leave it in the callable's slot (rooted, and
         * the call's result) and run __init__ as a frame of this loop,
         * marked so that its return checks and drops its result.  The
         * same steps and errors as type.c's type_call.  Only where the
         * arguments follow the callable's slot (not after CALL_METHOD's
         * NULL), so that slot can hold self for __init__. */
        if (IS_TYPE(callable, type_type) && cret == cargs - 1) {
            TypeObj *t = (TypeObj *)AS_OBJ(callable);
            FuncObj *init = inline_init(t);
            if (init != NULL) {
                if (UNLIKELY(ts->depth >= ts_recursion_limit)) {
                    recursion_error();
                    goto error;
                }
                /* A script __init__ exists, so object.__new__ would
                 * accept the arguments: skip its check. */
                int plain = obj_new_is_plain(t);
                if (plain) {
                    Value obj = init_by_plan(t, init, cargs, cnargs, ckw);
                    if (!IS_NULL(obj)) {
                        cret[0] = obj;
                        sp = cret + 1;
                        DISPATCH_CP();
                    }
                }
                Value obj = plain ? obj_new_instance(t)
                                  : t->new_(callable, cargs, cnargs, ckw);
                if (IS_NULL(obj))
                    goto error;
                cret[0] = obj;
                if (!plain && val_isinstance(obj, t) != 1) {
                    sp = cret + 1;
                    DISPATCH_CP();
                }
                VmCache *cc = code_cache(init->code);
                Frame *nf;
                if (LIKELY(ckw == NULL && simple_call(init, cc, cnargs + 1))) {
                    nf = simple_frame(init, cc, f->builtins, cret, cnargs + 1);
                } else {
                    nf = vm_frame_for_call(init, cret, cnargs + 1, ckw);
                    if (nf == NULL) {
                        sp = cret + 1;
                        goto error;
                    }
                }
                nf->init_call = 1;
                ENTER_FRAME(nf, init, cc, cret + 1);
                DISPATCH_CP();
            }
        }
        {
            TrcNativeCall nc; /* what --trace-signals reports */
            /* Read before the call: call_native overwrites the stack
             * slot of a bound native with its self, so nothing roots the
             * callable while it runs, and a collection on another thread
             * (or in a nested loop) may free it. */
            int no_check = IS_TYPE(callable, native_type) &&
                (((NativeObj *)AS_OBJ(callable))->flags & NATIVE_NO_CHECK);
            trc_native_enter(&nc, callable, f);
            Value r = call_native(callable, cargs, cnargs, ckw);
            trc_native_leave(&nc);
            sp = cret;
            if (IS_NULL(r))
                goto error;
            PUSH(r);
            if (no_check)
                DISPATCH();
            DISPATCH_CP();
        }

    TARGET(BINARY_SUBSCR) {
        Value r = subscr_fast(SECOND(), TOP());
        if (IS_NULL(r)) {
            SYNC();
            r = obj_getitem(SECOND(), TOP());
            if (IS_NULL(r))
                goto error;
        }
        sp--;
        SET_TOP(r);
        DISPATCH();
    }

    TARGET(STORE_SUBSCR) {
        SYNC();
        if (obj_setitem(SECOND(), TOP(), sp[-3]) < 0)
            goto error;
        sp -= 3;
        DISPATCH();
    }

    TARGET(DELETE_SUBSCR) {
        SYNC();
        if (obj_delitem(SECOND(), TOP()) < 0)
            goto error;
        sp -= 2;
        DISPATCH();
    }

    TARGET(BINARY_OP) {
    L_BINARY_OP_BODY:
        if (LIKELY(binary_fast(SECOND(), TOP(), oparg, &sp[-2]))) {
            sp--;
            DISPATCH();
        }
        SYNC();
        Value r = binary_slow(SECOND(), TOP(), oparg);
        if (IS_NULL(r))
            goto error;
        sp--;
        SET_TOP(r);
        DISPATCH();
    }

    TARGET(UNARY_POSITIVE) {
        SYNC();
        Value r = obj_unop(TOP(), UOP_POS);
        if (IS_NULL(r))
            goto error;
        SET_TOP(r);
        DISPATCH();
    }

    TARGET(UNARY_NEGATIVE) {
        Value v = TOP();
        if (IS_INT(v) && AS_INT(v) != INT64_MIN) {
            SET_TOP(V_INT(-AS_INT(v)));
            DISPATCH();
        }
        SYNC();
        Value r = obj_unop(v, UOP_NEG);
        if (IS_NULL(r))
            goto error;
        SET_TOP(r);
        DISPATCH();
    }

    TARGET(UNARY_NOT) {
        SYNC();
        int t = truth_fast(TOP());
        if (t < 0)
            goto error;
        SET_TOP(V_BOOL(!t));
        DISPATCH();
    }

    TARGET(UNARY_INVERT) {
        SYNC();
        Value r = obj_unop(TOP(), UOP_INVERT);
        if (IS_NULL(r))
            goto error;
        SET_TOP(r);
        DISPATCH();
    }

    TARGET(COMPARE_OP) {
    L_COMPARE_OP_GENERIC:;
        Value a = SECOND(), b = TOP();
        Value r;
        if (IS_INT(a) && IS_INT(b)) {
            r = V_BOOL(compare_ints(AS_INT(a), AS_INT(b), oparg));
        } else if (IS_FLOAT(a) && IS_FLOAT(b)) {
            r = V_BOOL(compare_floats(AS_FLOAT(a), AS_FLOAT(b), oparg));
        } else {
            SYNC();
            r = obj_richcmp(a, b, oparg);
            if (IS_NULL(r))
                goto error;
        }
        sp--;
        SET_TOP(r);
        DISPATCH();
    }

    TARGET(IS_OP) {
        int r = val_is(SECOND(), TOP()) ^ oparg;
        sp--;
        SET_TOP(V_BOOL(r));
        DISPATCH();
    }

    TARGET(CONTAINS_OP) {
        SYNC();
        int r = obj_contains(TOP(), SECOND());
        if (r < 0)
            goto error;
        sp--;
        SET_TOP(V_BOOL(r ^ oparg));
        DISPATCH();
    }

    TARGET(JUMP) {
        JUMP_DISPATCH(oparg);
    }

    TARGET(POP_JUMP_IF_FALSE) {
        Value v = TOP();
        int t;
        if (LIKELY(IS_BOOL(v))) {
            t = AS_BOOL(v);
        } else {
            SYNC();
            t = truth_fast(v);
            if (t < 0)
                goto error;
        }
        sp--;
        if (!t)
            JUMP_DISPATCH(oparg);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_TRUE) {
        Value v = TOP();
        int t;
        if (LIKELY(IS_BOOL(v))) {
            t = AS_BOOL(v);
        } else {
            SYNC();
            t = truth_fast(v);
            if (t < 0)
                goto error;
        }
        sp--;
        if (t)
            JUMP_DISPATCH(oparg);
        DISPATCH();
    }

    TARGET(JUMP_IF_FALSE_OR_POP) {
        SYNC();
        int t = truth_fast(TOP());
        if (t < 0)
            goto error;
        if (!t)
            JUMP_DISPATCH(oparg);
        sp--;
        DISPATCH();
    }

    TARGET(JUMP_IF_TRUE_OR_POP) {
        SYNC();
        int t = truth_fast(TOP());
        if (t < 0)
            goto error;
        if (t)
            JUMP_DISPATCH(oparg);
        sp--;
        DISPATCH();
    }

    TARGET(JUMP_IF_NOT_EXC_MATCH) {
        SYNC();
        int r = err_given_matches(SECOND(), TOP());
        if (r < 0)
            goto error;
        sp -= 2;
        if (!r)
            JUMP_DISPATCH(oparg);
        DISPATCH();
    }

    TARGET(GET_ITER) {
        SYNC();
        Value it = obj_iter(TOP());
        if (IS_NULL(it))
            goto error;
        SET_TOP(it);
        if (oparg)
            gen_claim_for_loop(it, f, INDEX() - 1);
        DISPATCH();
    }

    TARGET(POP_ITER) {
        Value it = POP();
        if (UNLIKELY(IS_TYPE(it, gen_type))) {
            SYNC();
            gen_loop_release(it);
        }
        DISPATCH();
    }

    TARGET(FOR_ITER) {
        Value it = TOP();
        TypeObj *t = val_type(it);
        SYNC();
        Value v = t->next != NULL ? t->next(it) : obj_next(it);
        if (LIKELY(!IS_NULL(v))) {
            PUSH(v);
            DISPATCH();
        }
        Value ignored;
        if (iter_finished(&ignored) < 0)
            goto error;
        sp--;
        JUMP_DISPATCH(oparg);
    }

    TARGET(BUILD_TUPLE) {
        Value r = build_tuple(sp - oparg, oparg);
        sp -= oparg;
        PUSH(r);
        DISPATCH();
    }

    TARGET(BUILD_LIST) {
        Value r = build_list(sp - oparg, oparg);
        sp -= oparg;
        PUSH(r);
        DISPATCH();
    }

    TARGET(BUILD_SET) {
        SYNC();
        Value r = build_set(sp - oparg, oparg);
        if (IS_NULL(r))
            goto error;
        sp -= oparg;
        PUSH(r);
        DISPATCH();
    }

    TARGET(BUILD_MAP) {
        SYNC();
        Value r = build_map(sp - 2 * oparg, oparg);
        if (IS_NULL(r))
            goto error;
        sp -= 2 * oparg;
        PUSH(r);
        DISPATCH();
    }

    TARGET(BUILD_STRING) {
        Value r = str_join_values(sp - oparg, oparg);
        if (IS_NULL(r))
            goto error;
        sp -= oparg;
        PUSH(r);
        DISPATCH();
    }

    TARGET(BUILD_SLICE) {
        Value step = oparg == 3 ? sp[-1] : V_NONE;
        Value *base = sp - oparg;
        Value r = slice_new(base[0], base[1], step);
        if (IS_NULL(r))
            goto error;
        sp = base;
        PUSH(r);
        DISPATCH();
    }

    TARGET(LIST_APPEND) {
        if (list_append((ListObj *)AS_OBJ(sp[-1 - oparg]), TOP()) < 0)
            goto error;
        sp--;
        DISPATCH();
    }

    TARGET(SET_ADD) {
        SYNC();
        if (set_add((SetObj *)AS_OBJ(sp[-1 - oparg]), TOP()) < 0)
            goto error;
        sp--;
        DISPATCH();
    }

    TARGET(MAP_ADD) {
        SYNC();
        if (dict_set((DictObj *)AS_OBJ(sp[-2 - oparg]), SECOND(), TOP()) < 0)
            goto error;
        sp -= 2;
        DISPATCH();
    }

    TARGET(LIST_EXTEND) {
        SYNC();
        if (check_iterable(TOP()) < 0 ||
            list_extend((ListObj *)AS_OBJ(sp[-1 - oparg]), TOP()) < 0)
            goto error;
        sp--;
        DISPATCH();
    }

    TARGET(SET_UPDATE) {
        SYNC();
        if (set_update((SetObj *)AS_OBJ(sp[-1 - oparg]), TOP()) < 0)
            goto error;
        sp--;
        DISPATCH();
    }

    TARGET(DICT_UPDATE) {
        SYNC();
        if (dict_update_mapping(sp[-1 - oparg], TOP()) < 0)
            goto error;
        sp--;
        DISPATCH();
    }

    TARGET(DICT_MERGE) {
        SYNC();
        if (dict_merge(sp[-3 - oparg], sp[-1 - oparg], TOP()) < 0)
            goto error;
        sp--;
        DISPATCH();
    }

    TARGET(LIST_TO_TUPLE) {
        ListObj *l = (ListObj *)AS_OBJ(TOP());
        SET_TOP(build_tuple(l->items, (int)l->n));
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE) {
        Value seq = TOP();
        if (!unpack_fast(seq, oparg, sp - 1)) {
            SYNC();
            if (unpack(seq, oparg, 0, 0, sp - 1) < 0)
                goto error;
        }
        sp += oparg - 1;
        DISPATCH();
    }

    TARGET(UNPACK_EX) {
        int before = oparg & 0xff, after = oparg >> 8;
        SYNC();
        if (unpack(TOP(), before, 1, after, sp - 1) < 0)
            goto error;
        sp += before + after;
        DISPATCH();
    }

    TARGET(FORMAT_VALUE) {
        SYNC();
        Value spec = (oparg & 4) ? TOP() : V_NULL;
        Value *vp = (oparg & 4) ? sp - 2 : sp - 1;
        Value r = format_value(*vp, oparg & 3, spec);
        if (IS_NULL(r))
            goto error;
        sp = vp;
        PUSH(r);
        DISPATCH();
    }

    TARGET(MAKE_FUNCTION) {
        int npopped;
        Value fn = make_function(f, sp, oparg, &npopped);
        if (IS_NULL(fn))
            goto error;
        sp -= npopped;
        PUSH(fn);
        DISPATCH();
    }

    TARGET(RETURN_VALUE) {
        vcopy(&retval, --sp);
    L_RETURN_RETVAL:;
        Value r = retval;
        /* A frame that goes back to the free list is seen by no one, so
         * it is marked finished only when a script may hold it or the
         * loop's caller gets it back. */
        int keep = f->escaped | f->is_gen;
        if (UNLIKELY(keep) || f == entry) {
            f->lasti = INDEX();
            f->stackdepth = 0;
            f->finished = 1;
            if (f == entry)
                return r;
        }
        Frame *done = f;
        f = done->back;
        ip = done->vm_resume_ip;
        sp = done->vm_resume_sp;
        int init_call = done->init_call;
        ts->frame = f;
        ts->depth--;
        /* vm_frame_release, with the size class from the cache. */
        int cls = cache->frame_class;
        if (!keep && cls <= VM_FRAME_NCLASSES &&
            vm_free_count[cls] < VM_FRAME_LIST_CAP) {
            done->code = NULL;
            done->back = vm_free_frames[cls];
            vm_free_frames[cls] = done;
            vm_free_count[cls]++;
        }
        FRAME_STATE();
        if (UNLIKELY(init_call)) {
            /* The instance is already on the stack (see do_call); the
             * native type_call would check here and then return. */
            if (!IS_NONE(r)) {
                err_set(&exc_TypeError,
                        "__init__() should return None, not '%s'",
                        val_type_name(r));
                goto error;
            }
            DISPATCH_CP();
        }
        PUSH(r);
        DISPATCH();
    }

    TARGET(GEN_START) {
        sp--;
        DISPATCH();
    }

    TARGET(YIELD_VALUE) {
        Value r = POP();
        SYNC();
        return r;
    }

    TARGET(GET_YIELD_FROM_ITER) {
        if (!IS_TYPE(TOP(), gen_type)) {
            SYNC();
            Value it = obj_iter(TOP());
            if (IS_NULL(it))
                goto error;
            SET_TOP(it);
        }
        DISPATCH();
    }

    TARGET(YIELD_FROM) {
        Value v = TOP(), recv = SECOND();
        SYNC();
        Value r;
        if (IS_TYPE(recv, gen_type))
            r = gen_send(recv, v);
        else if (IS_NONE(v))
            r = obj_next(recv);
        else
            r = obj_call_method(recv, "send", &v, 1);
        if (IS_NULL(r)) {
            Value result;
            if (iter_finished(&result) < 0)
                goto error;
            sp -= 2;
            PUSH(result);
            DISPATCH();
        }
        /* Yield r; on resume the sent value is pushed and this same
         * instruction runs again. */
        sp--;
        f->lasti = INDEX() - 1;
        f->stackdepth = (int)(sp - stack_base);
        return r;
    }

    TARGET(LOAD_BUILD_CLASS) {
        PUSH(vm_build_class_native());
        DISPATCH();
    }

    TARGET(IMPORT_NAME) {
        SYNC();
        Value m = module_import(names[oparg]);
        if (IS_NULL(m))
            goto error;
        PUSH(m);
        DISPATCH();
    }

    TARGET(IMPORT_FROM) {
        SYNC();
        Value v = import_from(TOP(), names[oparg]);
        if (IS_NULL(v))
            goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(SETUP_FINALLY) {
        if (UNLIKELY(f->nblocks >= FRAME_MAXBLOCKS)) {
            err_set(&exc_SystemError, "too many statically nested blocks");
            goto error;
        }
        Block *b = &f->blocks[f->nblocks++];
        b->kind = BLOCK_FINALLY;
        b->handler = oparg;
        b->level = (int)(sp - stack_base);
        DISPATCH();
    }

    TARGET(POP_BLOCK) {
        f->nblocks--;
        DISPATCH();
    }

    TARGET(POP_EXCEPT) {
        Block *b = &f->blocks[--f->nblocks];
        sp = stack_base + b->level + 1;
        Value prev = POP();
        ts->handled = IS_NONE(prev) ? V_NULL : prev;
        DISPATCH();
    }

    TARGET(RERAISE) {
        err_restore(POP());
        f->lasti = INDEX();
        goto exception_unwind;
    }

    TARGET(RAISE_VARARGS) {
        SYNC();
        if (oparg == 0) {
            if (IS_NULL(ts->handled)) {
                err_set(&exc_RuntimeError, "No active exception to reraise");
                goto error;
            }
            err_restore(ts->handled);
            goto exception_unwind;
        }
        do_raise(oparg == 2 ? SECOND() : TOP(), oparg == 2 ? TOP() : V_NULL);
        goto error;
    }

    TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(V_OBJ(&exc_AssertionError));
        DISPATCH();
    }

    TARGET(SETUP_WITH) {
        Value mgr = TOP();
        SYNC();
        Value enter = special_method(mgr, "__enter__");
        if (IS_NULL(enter)) {
            if (!err_occurred())
                err_set(&exc_TypeError,
                        "'%s' object does not support the context manager "
                        "protocol",
                        val_type_name(mgr));
            goto error;
        }
        /* Keep the bound __enter__ on the stack (where its result will
         * go) so it stays rooted while __exit__ is looked up and while it
         * runs. */
        sp[0] = enter;
        f->stackdepth++;
        Value exit = special_method(mgr, "__exit__");
        if (IS_NULL(exit)) {
            if (!err_occurred())
                err_set(&exc_TypeError,
                        "'%s' object does not support the context manager "
                        "protocol (missed __exit__ method)",
                        val_type_name(mgr));
            goto error;
        }
        SET_TOP(exit);
        Value r = obj_call0(enter);
        if (IS_NULL(r))
            goto error;
        Block *b = &f->blocks[f->nblocks++];
        b->kind = BLOCK_FINALLY;
        b->handler = oparg;
        b->level = (int)(sp - stack_base);
        PUSH(r);
        /* No breaker check before the first body instruction: the block
         * exists now, so __exit__ is guaranteed to run; no handler may run
         * between __enter__ returning and its result being stored. */
        DISPATCH_NOCHECK();
    }

    TARGET(WITH_EXCEPT_START) {
        SYNC();
        Value exc = TOP();
        /* CPython passes the traceback (opcodes.h says None, but scripts
         * can tell: `tb is None` must be False, as in CPython). */
        TracebackObj *tb = ((ExcObj *)AS_OBJ(exc))->traceback;
        Value args[3] = {V_OBJ(val_type(exc)), exc,
                         tb != NULL ? V_OBJ(tb) : V_NONE};
        Value r = obj_call(sp[-3], args, 3, NULL);
        if (IS_NULL(r))
            goto error;
        PUSH(r);
        DISPATCH();
    }

    TARGET(PRINT_EXPR) {
        SYNC();
        if (print_expr(TOP()) < 0)
            goto error;
        sp--;
        DISPATCH();
    }

    /* Superinstructions (quicken.c).  ip points at the group's second
     * word; ARG_AT(k) is the argument of word k after the first.  When a
     * group cannot finish on its fast path, it leaves the stack as its
     * parts so far would have, points ip at the next part and dispatches
     * it without a breaker test (the group is atomic). */
#define ARG_AT(k) ((intptr_t)(ip[(k) - 1] >> 8))
#define LOAD_LOCAL_OR_FAIL(v, i) \
    do { \
        (v) = f->slots[i]; \
        if (UNLIKELY(IS_NULL(v))) { \
            unbound_local(co, (i)); \
            goto error; \
        } \
    } while (0)

    TARGET(LOAD_FAST_LOAD_FAST) {
        Value a, b;
        LOAD_LOCAL_OR_FAIL(a, oparg);
        PUSH(a);
        b = f->slots[ARG_AT(1)];
        if (UNLIKELY(IS_NULL(b)))
            DISPATCH_NOCHECK();
        PUSH(b);
        ip++;
        DISPATCH();
    }

    TARGET(LOAD_FAST_LOAD_CONST) {
        Value a;
        LOAD_LOCAL_OR_FAIL(a, oparg);
        PUSH(a);
        vcopy(sp, &consts[ARG_AT(1)]);
        sp++;
        ip++;
        DISPATCH();
    }

    TARGET(FAST_CONST_BINOP) {
        Value a;
        LOAD_LOCAL_OR_FAIL(a, oparg);
        Value b = consts[ARG_AT(1)];
        if (UNLIKELY(!binary_fast(a, b, ARG_AT(2), sp))) {
            PUSH(a);
            PUSH(b);
            ip++;
            DISPATCH_NOCHECK();
        }
        sp++;
        ip += 2;
        DISPATCH();
    }

    TARGET(FAST_FAST_BINOP) {
        Value a, b;
        LOAD_LOCAL_OR_FAIL(a, oparg);
        b = f->slots[ARG_AT(1)];
        /* An unbound b (V_NULL) is neither int nor float: the LOAD_FAST
         * part then raises. */
        if (UNLIKELY(!binary_fast(a, b, ARG_AT(2), sp))) {
            PUSH(a);
            DISPATCH_NOCHECK();
        }
        sp++;
        ip += 2;
        DISPATCH();
    }

    /* The rest of a `<operand> <op> K` compare-and-jump group once the
     * operand a is loaded: LOAD_CONST, COMPARE_OP, POP_JUMP_IF_FALSE (or
     * _IF_TRUE, `want`).  Anything but two ints runs the COMPARE_OP word. */
#define CONST_COMPARE_JUMP_TAIL(a, want) \
    do { \
        Value b = consts[ARG_AT(1)]; \
        if (UNLIKELY(!IS_INT(a) || !IS_INT(b))) { \
            PUSH(a); \
            PUSH(b); \
            ip++; \
            DISPATCH_NOCHECK(); \
        } \
        int t = compare_ints(AS_INT(a), AS_INT(b), ARG_AT(2)); \
        int target = ARG_AT(3); \
        ip += 3; \
        if (t == (want)) \
            JUMP_DISPATCH(target); \
        DISPATCH(); \
    } while (0)

    /* LOAD_FAST, LOAD_CONST, COMPARE_OP, POP_JUMP_IF_FALSE (or _IF_TRUE,
     * `want`): `if x < K`, `while x < K`. */
#define FAST_CONST_COMPARE_JUMP_BODY(want) \
    do { \
        Value a; \
        LOAD_LOCAL_OR_FAIL(a, oparg); \
        CONST_COMPARE_JUMP_TAIL(a, want); \
    } while (0)

    TARGET(FAST_CONST_COMPARE_JUMP) {
        FAST_CONST_COMPARE_JUMP_BODY(0);
    }

    TARGET(FAST_CONST_COMPARE_JUMP_IF_TRUE) {
        FAST_CONST_COMPARE_JUMP_BODY(1);
    }
#undef FAST_CONST_COMPARE_JUMP_BODY

    /* LOAD_CONST, BINARY_OP: the top of the stack <op> K. */
    TARGET(CONST_BINOP) {
        Value b = consts[oparg];
        if (UNLIKELY(!binary_fast(TOP(), b, ARG_AT(1), &sp[-1]))) {
            PUSH(b);
            DISPATCH_NOCHECK();
        }
        ip++;
        DISPATCH();
    }

    /* LOAD_FAST, LOAD_CONST, BINARY_OP, STORE_FAST: `x += K`.  The result
     * is made in the free stack slot, then stored. */
    TARGET(FAST_CONST_BINOP_STORE) {
        Value a;
        LOAD_LOCAL_OR_FAIL(a, oparg);
        Value b = consts[ARG_AT(1)];
        if (UNLIKELY(!binary_fast(a, b, ARG_AT(2), sp))) {
            PUSH(a);
            PUSH(b);
            ip++;
            DISPATCH_NOCHECK();
        }
        vcopy(&f->slots[ARG_AT(3)], sp);
        ip += 3;
        DISPATCH();
    }

    TARGET(COMPARE_JUMP_IF_FALSE) {
        Value a = SECOND(), b = TOP();
        if (UNLIKELY(!IS_INT(a) || !IS_INT(b)))
            goto L_COMPARE_OP_GENERIC;
        int t = compare_ints(AS_INT(a), AS_INT(b), oparg);
        int target = ARG_AT(1);
        sp -= 2;
        ip++;
        if (!t)
            JUMP_DISPATCH(target);
        DISPATCH();
    }

    TARGET(COMPARE_JUMP_IF_TRUE) {
        Value a = SECOND(), b = TOP();
        if (UNLIKELY(!IS_INT(a) || !IS_INT(b)))
            goto L_COMPARE_OP_GENERIC;
        int t = compare_ints(AS_INT(a), AS_INT(b), oparg);
        int target = ARG_AT(1);
        sp -= 2;
        ip++;
        if (t)
            JUMP_DISPATCH(target);
        DISPATCH();
    }

    /* The argument is the LOAD_GLOBAL's cache slot (cache_global_site). */
    TARGET(GLOBAL_CONST_BINOP) {
        GlobalCache *c = &cache->entries[oparg];
        Value *p = global_cached(f, c, c->name);
        if (UNLIKELY(p == NULL))
            goto L_LOAD_GLOBAL_CACHED_BODY;
        Value a = *p;
        Value b = consts[ARG_AT(1)];
        if (UNLIKELY(!binary_fast(a, b, ARG_AT(2), sp))) {
            PUSH(a);
            PUSH(b);
            ip++;
            DISPATCH_NOCHECK();
        }
        sp++;
        ip += 2;
        DISPATCH();
    }

    /* LOAD_GLOBAL, then FAST_CONST_BINOP's group: `g(x - 1)`.  Past the
     * global, anything unusual runs the second word, itself fused. */
    TARGET(GLOBAL_FAST_CONST_BINOP) {
        GlobalCache *c = &cache->entries[oparg];
        Value *p = global_cached_copy(f, c, c->name);
        if (UNLIKELY(p == NULL))
            goto L_LOAD_GLOBAL_CACHED_BODY;
        PUSH(*p);
        Value a = f->slots[ARG_AT(1)];
        /* An unbound a (V_NULL) is neither int nor float. */
        if (UNLIKELY(!binary_fast(a, consts[ARG_AT(2)], ARG_AT(3), sp)))
            DISPATCH_NOCHECK();
        sp++;
        ip += 3;
        DISPATCH();
    }

    /* LOAD_GLOBAL, LOAD_CONST, BINARY_OP, STORE_GLOBAL: `g += K` at module
     * level.  ARG_AT(3) is the STORE_GLOBAL's cache slot. */
    TARGET(GLOBAL_CONST_BINOP_STORE) {
        GlobalCache *c = &cache->entries[oparg];
        Value *p = global_cached(f, c, c->name);
        if (UNLIKELY(p == NULL))
            goto L_LOAD_GLOBAL_CACHED_BODY;
        Value a = *p;
        Value b = consts[ARG_AT(1)];
        if (UNLIKELY(!binary_fast(a, b, ARG_AT(2), sp))) {
            PUSH(a);
            PUSH(b);
            ip++;
            DISPATCH_NOCHECK();
        }
        if (UNLIKELY(!global_store_cached(f, &cache->entries[ARG_AT(3)], sp))) {
            sp++;
            ip += 2;
            DISPATCH_NOCHECK();
        }
        ip += 3;
        DISPATCH();
    }

    /* LOAD_GLOBAL, LOAD_GLOBAL, BINARY_OP, STORE_GLOBAL: `g += h`.  The
     * second and fourth words carry their cache slots. */
    TARGET(GLOBAL_GLOBAL_BINOP_STORE) {
        GlobalCache *c = &cache->entries[oparg];
        Value *p = global_cached(f, c, c->name);
        if (UNLIKELY(p == NULL))
            goto L_LOAD_GLOBAL_CACHED_BODY;
        Value a = *p;
        GlobalCache *c1 = &cache->entries[ARG_AT(1)];
        p = global_cached(f, c1, c1->name);
        if (UNLIKELY(p == NULL)) {
            PUSH(a);
            DISPATCH_NOCHECK();
        }
        Value b = *p;
        if (UNLIKELY(!binary_fast(a, b, ARG_AT(2), sp))) {
            PUSH(a);
            PUSH(b);
            ip++;
            DISPATCH_NOCHECK();
        }
        if (UNLIKELY(!global_store_cached(f, &cache->entries[ARG_AT(3)], sp))) {
            sp++;
            ip += 2;
            DISPATCH_NOCHECK();
        }
        ip += 3;
        DISPATCH();
    }

    /* LOAD_GLOBAL, LOAD_CONST, COMPARE_OP, POP_JUMP_IF_FALSE (or
     * _IF_TRUE, `want`): `while g < K` at module level. */
#define GLOBAL_CONST_COMPARE_JUMP_BODY(want) \
    do { \
        GlobalCache *c = &cache->entries[oparg]; \
        Value *p = global_cached(f, c, c->name); \
        if (UNLIKELY(p == NULL)) \
            goto L_LOAD_GLOBAL_CACHED_BODY; \
        Value a = *p; \
        CONST_COMPARE_JUMP_TAIL(a, want); \
    } while (0)

    TARGET(GLOBAL_CONST_COMPARE_JUMP) {
        GLOBAL_CONST_COMPARE_JUMP_BODY(0);
    }

    TARGET(GLOBAL_CONST_COMPARE_JUMP_IF_TRUE) {
        GLOBAL_CONST_COMPARE_JUMP_BODY(1);
    }
#undef GLOBAL_CONST_COMPARE_JUMP_BODY

    TARGET(STORE_FAST_LOAD_FAST) {
        sp--;
        vcopy(&f->slots[oparg], sp);
        Value v = f->slots[ARG_AT(1)];
        if (UNLIKELY(IS_NULL(v)))
            DISPATCH_NOCHECK();
        PUSH(v);
        ip++;
        DISPATCH();
    }

    TARGET(RETURN_FAST) {
        LOAD_LOCAL_OR_FAIL(retval, oparg);
        ip++;
        goto L_RETURN_RETVAL;
    }

    /* `return a + b`: BINARY_OP's fast path, then the return; anything
     * else runs BINARY_OP as usual and then the RETURN_VALUE word. */
    TARGET(BINOP_RETURN) {
        if (UNLIKELY(!binary_fast(SECOND(), TOP(), oparg, &sp[-2])))
            goto L_BINARY_OP_BODY;
        vcopy(&retval, &sp[-2]);
        sp -= 2;
        ip++;
        goto L_RETURN_RETVAL;
    }

    TARGET(RETURN_CONST) {
        vcopy(&retval, &consts[oparg]);
        ip++;
        goto L_RETURN_RETVAL;
    }
#undef ARG_AT
#undef LOAD_LOCAL_OR_FAIL

#ifndef HAVE_COMPUTED_GOTO
    default:
        goto unknown;
    }
#endif

#ifdef HAVE_COMPUTED_GOTO
L_unknown:
#else
unknown:
#endif
    err_set(&exc_SystemError, "unknown opcode %d", INSTR_OP(ip[-1]));
    goto error;

error:
    /* The exception leaves the instruction at ip - 1: record where, once
     * per frame it passes through. */
    f->lasti = INDEX();
    {
        Value exc = err_peek();
        if (IS_NULL(exc)) {
            err_set(&exc_SystemError, "error return without exception set");
            exc = err_peek();
        }
        exc_add_traceback(exc, f, code_line_at(co, f->lasti));
    }

exception_unwind:
    while (f->nblocks > 0) {
        Block b = f->blocks[--f->nblocks];
        if (b.kind == BLOCK_EXCEPT_HANDLER) {
            sp = drop_values(f, sp, stack_base + b.level + 1);
            Value prev = POP();
            ts->handled = IS_NONE(prev) ? V_NULL : prev;
            continue;
        }
        sp = drop_values(f, sp, stack_base + b.level);
        Block *h = &f->blocks[f->nblocks++];
        h->kind = BLOCK_EXCEPT_HANDLER;
        h->handler = -1;
        h->level = (int)(sp - stack_base);
        PUSH(IS_NULL(ts->handled) ? V_NONE : ts->handled);
        Value exc = err_fetch();
        ts->handled = exc;
        PUSH(exc);
        JUMPTO(b.handler);
        DISPATCH();
    }
    /* No handler here: the frame is done and the exception goes to the
     * caller, whose call instruction it then leaves. */
    drop_values(f, sp, stack_base);
    f->stackdepth = 0;
    f->finished = 1;
    if (f == entry)
        return V_NULL;
    {
        Frame *caller = f->back;
        ts->frame = caller;
        ts->depth--;
        vm_frame_release(f);
        f = caller;
        RESUME_FRAME();
        goto error;
    }
#undef names
}
