/* Unit tests for cli/repl_complete.c (what TAB completes to), the
 * history file name and the prompts of cli/repl.c and loading readline
 * (cli/rl_load.c).  The prompt itself needs a terminal: tests/repl/
 * drives it through a pseudo-terminal. */
#include <criterion/criterion.h>
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "cli/repl.h"
#include "cli/rl_load.h"
#include "compiler/compiler.h"
#include "config.h"
#include "runtime/runtime.h"
#include "stdlib/stdlib.h"
#include "vm/vm.h"

static DictObj *globals;

static void setup(void)
{
    static char prog[] = "test_repl";
    static char *argv[] = {prog, NULL};
    rt_init();
    std_init(1, argv, 0);
    vm_init();
    vm_set_builtins(std_builtins());
    globals = dict_new();
    Value keep = V_OBJ(globals);
    gc_root_push(&keep); /* for the whole test */
    dict_set_str(globals, str_intern_cstr("a_long_global"), V_INT(5));
    dict_set_str(globals, str_intern_cstr("a_long_other"), V_INT(6));
    dict_set_str(globals, str_intern_cstr("sys"), V_OBJ(std_sys_module()));
    repl_complete_init(globals);
}

TestSuite(repl, .init = setup);

/* How many matches, and whether want is one of them; frees the list. */
static int count_and_find(char **m, const char *want, int *found)
{
    int n = 0;
    *found = 0;
    for (; m && m[n]; n++) {
        if (strcmp(m[n], want) == 0)
            *found = 1;
        free(m[n]);
    }
    free(m);
    return n;
}

static void assert_completes(const char *text, const char *want, int count)
{
    int found;
    int n = count_and_find(repl_complete_matches(text), want, &found);
    cr_assert(found, "%s does not complete to %s", text, want);
    if (count >= 0)
        cr_assert_eq(n, count, "%s: %d matches, wanted %d", text, n, count);
    cr_assert_not(err_occurred());
}

static void assert_no_completion(const char *text)
{
    char **m = repl_complete_matches(text);
    cr_assert_null(m, "%s completes to %s", text, m ? m[0] : "");
    cr_assert_not(err_occurred());
}

Test(repl, global_names_complete)
{
    assert_completes("a_long_g", "a_long_global", 1);
    assert_completes("a_long_", "a_long_other", 2);
}

Test(repl, keywords_get_rlcompleters_suffix)
{
    assert_completes("whil", "while ", 1);
    assert_completes("tr", "try:", -1);
    assert_completes("Non", "None", 1);
}

Test(repl, callable_builtins_get_a_paren)
{
    assert_completes("isinst", "isinstance(", 1);
    assert_completes("Zero", "ZeroDivisionError(", 1);
}

Test(repl, attribute_of_a_dotted_name)
{
    assert_completes("sys.arg", "sys.argv", 1);
    assert_completes("sys.exi", "sys.exit(", -1);
}

Test(repl, underscore_names_hidden_until_asked)
{
    int found;
    count_and_find(repl_complete_matches("sys."), "sys.__name__", &found);
    cr_assert_not(found, "sys. offers dunder names");
    count_and_find(repl_complete_matches("sys.__"), "sys.__name__", &found);
    cr_assert(found, "sys.__ does not offer __name__");
}

Test(repl, only_plain_dotted_names_are_evaluated)
{
    assert_no_completion("sys().x");
    assert_no_completion("no_such_name.x");
    assert_no_completion("sys..x");
    assert_no_completion("zzz_nothing");
}

Test(repl, completion_keeps_a_pending_exception)
{
    err_set(&exc_ValueError, "pending");
    char **m = repl_complete_matches("no_such_name.x");
    cr_assert_null(m);
    cr_assert(err_matches(&exc_ValueError));
    err_clear();
}

Test(repl, history_file_from_env_or_home)
{
    setenv("SIGVM_HISTFILE", "/tmp/some-history", 1);
    char *p = repl_history_path();
    cr_assert_str_eq(p, "/tmp/some-history");
    free(p);
    setenv("SIGVM_HISTFILE", "", 1);
    cr_assert_null(repl_history_path(), "an empty variable turns it off");
    unsetenv("SIGVM_HISTFILE");
    setenv("HOME", "/home/someone", 1);
    p = repl_history_path();
    cr_assert_str_eq(p, "/home/someone/.sigvm_history");
    free(p);
}

/* Run src in the test's namespace (where sys is bound). */
static void run_code(const char *src)
{
    CodeObj *co = comp_compile_source(src, strlen(src), "<t>", COMP_FILE);
    cr_assert_not_null(co);
    Value c = V_OBJ(co);
    gc_root_push(&c);
    cr_assert(!IS_NULL(vm_run_module(co, globals)));
    gc_root_pop(1);
}

static void assert_prompt(const char *name, const char *want)
{
    char *p = repl_prompt(name);
    cr_assert_str_eq(p, want, "sys.%s gives %s, wanted %s", name, p, want);
    free(p);
    cr_assert_not(err_occurred());
}

Test(repl, prompts_exist_once_the_prompt_sets_them)
{
    cr_assert(IS_NULL(sys_get("ps1")), "sys.ps1 before the prompt");
    cr_assert(IS_NULL(sys_get("ps2")), "sys.ps2 before the prompt");
    assert_prompt("ps1", "");
    repl_init_prompts();
    assert_prompt("ps1", ">>> ");
    assert_prompt("ps2", "... ");
}

Test(repl, prompts_set_by_a_script_are_kept)
{
    run_code("sys.ps1 = 7\n");
    repl_init_prompts();
    assert_prompt("ps1", "7");
    assert_prompt("ps2", "... ");
}

Test(repl, prompt_is_str_of_the_value_each_time)
{
    run_code("class P:\n"
             "    n = 0\n"
             "    def __str__(self):\n"
             "        P.n += 1\n"
             "        return 'in %d> ' % P.n\n"
             "sys.ps2 = P()\n");
    assert_prompt("ps2", "in 1> ");
    assert_prompt("ps2", "in 2> ");
}

Test(repl, failing_str_gives_an_empty_prompt_silently)
{
    run_code("class Bad:\n"
             "    def __str__(self): raise ValueError('no')\n"
             "class NotStr:\n"
             "    def __str__(self): return 5\n"
             "sys.ps1 = Bad()\n"
             "sys.ps2 = NotStr()\n");
    assert_prompt("ps1", "");
    assert_prompt("ps2", "");
    run_code("del sys.ps1\n");
    assert_prompt("ps1", "");
}

/* Every symbol of the table, found. */
static int rll_all_found(void)
{
#define RLL_FOUND(name) if (rll.name == NULL) return 0;
    RLL_SYMBOLS(RLL_FOUND)
#undef RLL_FOUND
    return 1;
}

Test(repl, readline_is_not_mapped_until_loaded)
{
    cr_assert_null(rll.rl_initialize);
    cr_assert_null(dlopen(READLINE_SONAME, RTLD_NOW | RTLD_NOLOAD),
                   "%s is mapped before any line was read", READLINE_SONAME);
}

Test(repl, readline_loads_every_symbol)
{
    cr_assert_eq(rll_load(), 0, "%s", rll_error());
    cr_assert(rll_all_found());
    cr_assert_eq(rll_load(), 0, "a second load fails");
    /* The pointers reach the library's own variables. */
    *rll.rl_readline_name = "unit";
    char **name = dlsym(dlopen(READLINE_SONAME, RTLD_NOW | RTLD_NOLOAD),
                        "rl_readline_name");
    cr_assert_str_eq(*name, "unit");
}

Test(repl, missing_readline_is_reported_by_name)
{
    cr_assert_eq(rll_open("libsigvm-no-such-readline.so.0"), -1);
    cr_assert(strstr(rll_error(), "cannot load GNU readline "
                                  "(libsigvm-no-such-readline.so.0): "),
              "%s", rll_error());
    cr_assert_null(rll.rl_initialize, "a failed load leaves pointers");
}
