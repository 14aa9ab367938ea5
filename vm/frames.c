/* frames.c - frame allocation with free lists.
 *
 * Every call needs a frame, and a call must not allocate on the fast path,
 * so frames that never escaped go back to a free list when they return.
 * Lists are kept per size class of 8 slots; frames bigger than the largest
 * class are left to the collector.  Frames on a list stay in the
 * collector's object list (gc_alloc linked them), so vm_frames_mark keeps
 * them alive; code == NULL tells frame_type's trace that their slots are
 * stale.
 */
#include "vm/vm.h"

/* The size classes and lists are declared in vm.h, where the hot paths
 * (vm_frame_new, vm_frame_release) are inline. */
Frame *vm_free_frames[VM_FRAME_NCLASSES + 1];
int vm_free_count[VM_FRAME_NCLASSES + 1];

Frame *vm_frame_alloc(int nslots)
{
    int cls = vm_frame_class(nslots);
    int cap = cls <= VM_FRAME_NCLASSES ? cls * VM_FRAME_CLASS_SLOTS : nslots;
    return gc_alloc(&frame_type, sizeof(Frame) + (size_t)cap * sizeof(Value));
}

void vm_frames_mark(void)
{
    for (int c = 0; c <= VM_FRAME_NCLASSES; c++)
        for (Frame *f = vm_free_frames[c]; f != NULL; f = f->back)
            gc_mark_obj((Obj *)f);
}
