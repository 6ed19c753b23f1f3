-- careleaver 0.1.0 to 0.2.0: the hand-written part of the update script.
-- Write here only what CREATE OR REPLACE cannot do, in the order it must run:
-- new types (shell type, I/O functions, CREATE TYPE), operators, operator classes,
-- casts; DROP of functions whose arguments, defaults or result type changed, or
-- that 0.2.0 no longer has; DROP of views whose columns changed.  Functions,
-- aggregates, views, comments and grants of the new install script follow this
-- part automatically (extension/gen_update.py).

-- rulebook (issue 13 item 1): the validation's own birthday functions are gone; validate calls
-- careleaver.birthday, the core's rule (extension/sql/25_rulebook.sql).
DROP FUNCTION careleaver.validation_birthday(date, integer);
DROP FUNCTION careleaver.validation_birthday_sql(text, integer);

-- roles (issue 12): hub credentials never pass as function arguments
DROP FUNCTION careleaver.hub_attach_council(text, text, text, text, integer, text, text, text, text, integer);
