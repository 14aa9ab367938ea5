# A dedent to a column no enclosing block used, 30 blocks deep.
if True:
  if True:
    if True:
      if True:
        if True:
          if True:
            if True:
              if True:
                if True:
                  if True:
                    if True:
                      if True:
                        if True:
                          if True:
                            if True:
                              if True:
                                if True:
                                  if True:
                                    if True:
                                      if True:
                                        if True:
                                          if True:
                                            if True:
                                              if True:
                                                if True:
                                                  if True:
                                                    if True:
                                                      if True:
                                                        if True:
                                                          if True:
                                                            x = 1
                               y = 2
