pairs = [
    (SystemExit, BaseException), (KeyboardInterrupt, BaseException),
    (GeneratorExit, BaseException), (Exception, BaseException),
    (StopIteration, Exception), (ArithmeticError, Exception),
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError),
    (AssertionError, Exception), (AttributeError, Exception),
    (ImportError, Exception), (LookupError, Exception),
    (IndexError, LookupError), (KeyError, LookupError),
    (NameError, Exception), (UnboundLocalError, NameError),
    (OSError, Exception), (RecursionError, RuntimeError),
    (NotImplementedError, RuntimeError), (RuntimeError, Exception),
    (IndentationError, SyntaxError), (SyntaxError, Exception),
    (TypeError, Exception), (ValueError, Exception),
    (FileNotFoundError, OSError), (InterruptedError, OSError),
]
for sub, sup in pairs:
    print(sub, issubclass(sub, sup))
print(issubclass(SystemExit, Exception), issubclass(KeyboardInterrupt, Exception))
print(issubclass(GeneratorExit, Exception), issubclass(KeyError, IndexError))
print(issubclass(ZeroDivisionError, ValueError), issubclass(Exception, BaseException))
