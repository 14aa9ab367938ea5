print("must not run")
break
