/* test_error.c - the exception hierarchy, the error indicator, implicit
 * chaining and the CPython-format traceback report. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "runtime/runtime.h"
#include "unit_helpers.h"

static char captured[8192];
static size_t ncaptured;

static void capture(const char *s, size_t n)
{
    if (ncaptured + n >= sizeof captured)
        n = sizeof captured - ncaptured - 1;
    memcpy(captured + ncaptured, s, n);
    ncaptured += n;
    captured[ncaptured] = '\0';
}

static void setup(void)
{
    rt_init();
    err_clear();
    ts_current->handled = V_NULL;
    ncaptured = 0;
    captured[0] = '\0';
    tb_write_hook = capture;
}

TestSuite(error, .init = setup);

Test(error, err_set_makes_an_instance_with_the_message)
{
    cr_assert(IS_NULL(err_set(&exc_ValueError, "bad %d", 42)));
    cr_assert(err_occurred());
    cr_assert(err_matches(&exc_ValueError));
    cr_assert(err_matches(&exc_Exception));
    cr_assert_not(err_matches(&exc_TypeError));
    Value e = err_fetch();
    cr_assert_not(err_occurred());
    cr_assert_str_eq(str_of(e), "bad 42");
    cr_assert_str_eq(repr_of(e), "ValueError('bad 42')");
}

Test(error, hierarchy_follows_cpython)
{
    cr_assert(type_is_subtype(&exc_FileNotFoundError, &exc_OSError));
    cr_assert(type_is_subtype(&exc_BrokenPipeError, &exc_ConnectionError));
    cr_assert(type_is_subtype(&exc_KeyError, &exc_LookupError));
    cr_assert(type_is_subtype(&exc_TabError, &exc_SyntaxError));
    cr_assert_not(type_is_subtype(&exc_KeyboardInterrupt, &exc_Exception));
    cr_assert(type_is_subtype(&exc_RecursionError, &exc_RuntimeError));
}

Test(error, raising_while_handling_sets_context)
{
    err_set(&exc_KeyError, "first");
    Value first = err_fetch();
    ts_current->handled = first;
    err_set(&exc_RuntimeError, "second");
    ExcObj *second = (ExcObj *)AS_OBJ(err_peek());
    cr_assert(val_is(second->context, first));
    err_clear();
    /* Re-raising the handled exception itself does not chain it to
     * itself. */
    err_set_exc(first);
    cr_assert(IS_NULL(((ExcObj *)AS_OBJ(first))->context));
    err_clear();
}

Test(error, keyerror_str_is_repr_of_the_key)
{
    Value k = S("x");
    Value e = exc_new(&exc_KeyError, &k, 1);
    cr_assert_str_eq(str_of(e), "'x'");
    cr_assert_str_eq(repr_of(e), "KeyError('x')");
    Value two[2] = {S("a"), S("b")};
    cr_assert_str_eq(str_of(exc_new(&exc_KeyError, two, 2)), "('a', 'b')");
    cr_assert_str_eq(str_of(exc_new(&exc_KeyError, NULL, 0)), "");
}

Test(error, oserror_from_errno_picks_subclass_and_formats)
{
    err_from_errno(&exc_OSError, ENOENT);
    Value e = err_fetch();
    cr_assert(IS_TYPE(e, exc_FileNotFoundError));
    cr_assert_str_eq(str_of(e), "[Errno 2] No such file or directory");
    cr_assert_eq(AS_INT(obj_getattr_cstr(e, "errno")), ENOENT);
    cr_assert_str_eq(str_of(obj_getattr_cstr(e, "strerror")),
                     "No such file or directory");
    cr_assert(IS_NONE(obj_getattr_cstr(e, "filename")));
    err_from_errno(&exc_OSError, EINTR);
    Value intr = err_fetch();
    cr_assert(IS_TYPE(intr, exc_InterruptedError));
}

Test(error, oserror_with_filename)
{
    Value args[3] = {V_INT(2), S("No such file or directory"), S("x")};
    Value e = exc_new(&exc_OSError, args, 3);
    cr_assert_str_eq(str_of(e), "[Errno 2] No such file or directory: 'x'");
    cr_assert_str_eq(repr_of(e),
                     "FileNotFoundError(2, 'No such file or directory')");
    Value one = S("hello");
    Value plain = exc_new(&exc_OSError, &one, 1);
    cr_assert(IS_TYPE(plain, exc_OSError));
    cr_assert_str_eq(str_of(plain), "hello");
}

Test(error, stopiteration_and_systemexit_attributes)
{
    Value v = V_INT(5);
    cr_assert_eq(AS_INT(obj_getattr_cstr(exc_new(&exc_StopIteration, &v, 1),
                                         "value")), 5);
    cr_assert(IS_NONE(obj_getattr_cstr(exc_new(&exc_StopIteration, NULL, 0),
                                       "value")));
    cr_assert_eq(AS_INT(obj_getattr_cstr(exc_new(&exc_SystemExit, &v, 1),
                                         "code")), 5);
    cr_assert(IS_NONE(obj_getattr_cstr(exc_new(&exc_SystemExit, NULL, 0),
                                       "code")));
}

Test(error, syntaxerror_attributes_and_str)
{
    TupleObj *info = tuple_pack(4, S("/a/b/f.py"), V_INT(3), V_INT(4),
                                S("text\n"));
    Value args[2] = {S("msg"), V_OBJ(info)};
    Value e = exc_new(&exc_SyntaxError, args, 2);
    cr_assert_str_eq(str_of(e), "msg (f.py, line 3)");
    cr_assert_eq(AS_INT(obj_getattr_cstr(e, "offset")), 4);
    cr_assert_str_eq(str_of(obj_getattr_cstr(e, "msg")), "msg");
}

Test(error, exception_args_attribute)
{
    Value args[2] = {V_INT(1), S("a")};
    Value e = exc_new(&exc_Exception, args, 2);
    cr_assert_str_eq(repr_of(obj_getattr_cstr(e, "args")), "(1, 'a')");
    cr_assert_str_eq(str_of(e), "(1, 'a')");
    cr_assert_str_eq(repr_of(e), "Exception(1, 'a')");
    cr_assert_str_eq(repr_of(exc_new(&exc_Exception, NULL, 0)), "Exception()");
}

Test(error, given_matches_tuples_and_rejects_non_classes)
{
    Value e = exc_new(&exc_KeyError, NULL, 0);
    TupleObj *spec = tuple_pack(2, V_OBJ(&exc_ValueError),
                                V_OBJ(&exc_LookupError));
    cr_assert_eq(err_given_matches(e, V_OBJ(spec)), 1);
    cr_assert_eq(err_given_matches(e, V_OBJ(&exc_ValueError)), 0);
    cr_assert_eq(err_given_matches(e, V_INT(3)), -1);
    cr_assert_str_eq(str_of(err_fetch()), "catching classes that do not "
                                          "inherit from BaseException is not "
                                          "allowed");
}

Test(error, raising_a_non_exception_is_a_type_error)
{
    err_set_exc(V_INT(1));
    cr_assert(err_matches(&exc_TypeError));
    cr_assert_str_eq(str_of(err_fetch()),
                     "exceptions must derive from BaseException");
    err_set_exc(V_OBJ(&exc_ZeroDivisionError));
    cr_assert(err_matches(&exc_ZeroDivisionError));
    err_clear();
}

static CodeObj *fake_code(const char *file, const char *name)
{
    CodeObj *co = code_new();
    co->filename = str_from_cstr(file);
    co->name = str_from_cstr(name);
    co->qualname = co->name;
    return co;
}

/* A traceback entry names a frame; a bare one running co will do. */
static Frame *fake_frame(const char *file, const char *name)
{
    Frame *f = gc_alloc(&frame_type, sizeof *f);
    f->code = fake_code(file, name);
    return f;
}

Test(error, traceback_prints_entries_and_source_lines)
{
    char path[] = "/tmp/sigvm_tb_XXXXXX";
    int fd = mkstemp(path);
    cr_assert(fd >= 0);
    const char *src = "def f():\n    raise ValueError('x')\nf()\n";
    cr_assert_eq(write(fd, src, strlen(src)), (ssize_t)strlen(src));
    close(fd);
    Value e = exc_new(&exc_ValueError, (Value[]){S("x")}, 1);
    exc_add_traceback(e, fake_frame(path, "f"), 2);
    exc_add_traceback(e, fake_frame(path, "<module>"), 3);
    err_print_exception(e);
    unlink(path);
    char want[1024];
    snprintf(want, sizeof want,
             "Traceback (most recent call last):\n"
             "  File \"%s\", line 3, in <module>\n"
             "    f()\n"
             "  File \"%s\", line 2, in f\n"
             "    raise ValueError('x')\n"
             "ValueError: x\n",
             path, path);
    cr_assert_str_eq(captured, want);
}

Test(error, repeated_entries_are_collapsed)
{
    Value e = exc_new(&exc_RecursionError,
                      (Value[]){S("maximum recursion depth exceeded")}, 1);
    Frame *f = fake_frame("<string>", "f");
    for (int i = 0; i < 10; i++)
        exc_add_traceback(e, f, 2);
    exc_add_traceback(e, fake_frame("<string>", "<module>"), 4);
    err_print_exception(e);
    cr_assert_str_eq(captured,
                     "Traceback (most recent call last):\n"
                     "  File \"<string>\", line 4, in <module>\n"
                     "  File \"<string>\", line 2, in f\n"
                     "  File \"<string>\", line 2, in f\n"
                     "  File \"<string>\", line 2, in f\n"
                     "  [Previous line repeated 7 more times]\n"
                     "RecursionError: maximum recursion depth exceeded\n");
}

Test(error, chained_exceptions_print_oldest_first)
{
    Value first = exc_new(&exc_ZeroDivisionError,
                          (Value[]){S("division by zero")}, 1);
    Value second = exc_new(&exc_KeyError, (Value[]){S("second")}, 1);
    Value third = exc_new(&exc_RuntimeError, (Value[]){S("third")}, 1);
    ((ExcObj *)AS_OBJ(second))->context = first;
    ((ExcObj *)AS_OBJ(third))->context = second;
    ((ExcObj *)AS_OBJ(third))->cause = second;
    err_print_exception(third);
    cr_assert_str_eq(captured,
                     "ZeroDivisionError: division by zero\n"
                     "\nDuring handling of the above exception, another "
                     "exception occurred:\n\n"
                     "KeyError: 'second'\n"
                     "\nThe above exception was the direct cause of the "
                     "following exception:\n\n"
                     "RuntimeError: third\n");
}

Test(error, suppressed_context_is_not_printed)
{
    Value first = exc_new(&exc_ValueError, NULL, 0);
    Value second = exc_new(&exc_TypeError, NULL, 0);
    ((ExcObj *)AS_OBJ(second))->context = first;
    obj_setattr(second, str_intern_cstr("__cause__"), V_NONE);
    err_print_exception(second);
    cr_assert_str_eq(captured, "TypeError\n");
}

Test(error, syntax_error_layout_with_caret)
{
    err_set_syntax(&exc_SyntaxError, "invalid syntax", "x.py", 2, 8,
                   "x = 1 +* 2\n");
    Value e = err_fetch();
    err_print_exception(e);
    cr_assert_str_eq(captured, "  File \"x.py\", line 2\n"
                               "    x = 1 +* 2\n"
                               "           ^\n"
                               "SyntaxError: invalid syntax\n");
}

Test(error, syntax_error_caret_skips_indentation)
{
    TupleObj *info = tuple_pack(6, S("f.py"), V_INT(3), V_INT(5),
                                S("  abcdefgh\n"), V_INT(3), V_INT(8));
    Value e = exc_new(&exc_SyntaxError, (Value[]){S("m"), V_OBJ(info)}, 2);
    err_print_exception(e);
    cr_assert_str_eq(captured, "  File \"f.py\", line 3\n"
                               "    abcdefgh\n"
                               "      ^^^\n"
                               "SyntaxError: m\n");
}

Test(error, unraisable_report)
{
    Value e = exc_new(&exc_ValueError, (Value[]){S("boom")}, 1);
    err_write_unraisable(e, NULL, S("obj"));
    cr_assert_str_eq(captured, "Exception ignored in: 'obj'\n"
                               "ValueError: boom\n");
}

Test(error, exception_type_from_other_module_is_qualified)
{
    DictObj *ns = dict_new();
    dict_set_str(ns, str_intern_cstr("__module__"), S("mymod"));
    Value cls = type_new_class(str_from_cstr("B"), NULL, &exc_Exception, ns);
    cr_assert(!IS_NULL(cls));
    Value e = obj_call1(cls, S("z"));
    cr_assert(!IS_NULL(e));
    err_print_exception(e);
    cr_assert_str_eq(captured, "mymod.B: z\n");
}
