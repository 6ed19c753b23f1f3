/*
 * tap.h: a minimal TAP producer for the core's unit tests (run by prove).
 */
#ifndef CL_TAP_H
#define CL_TAP_H

#include <stdio.h>
#include <string.h>

static int	tap_count = 0;
static int	tap_failed = 0;

#define ok(cond, ...) tap_ok((cond) ? 1 : 0, __FILE__, __LINE__, __VA_ARGS__)

static void
tap_ok(int pass, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#include <stdarg.h>

static void
tap_ok(int pass, const char *file, int line, const char *fmt, ...)
{
	va_list		ap;

	tap_count++;
	printf("%s %d - ", pass ? "ok" : "not ok", tap_count);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!pass)
	{
		tap_failed++;
		printf("#   failed at %s line %d\n", file, line);
	}
}

#define is_int(got, want, ...) do { \
	long long tap_g_ = (long long) (got), tap_w_ = (long long) (want); \
	ok(tap_g_ == tap_w_, __VA_ARGS__); \
	if (tap_g_ != tap_w_) printf("#   got %lld, expected %lld\n", tap_g_, tap_w_); \
} while (0)

#define is_str(got, want, ...) do { \
	const char *tap_g_ = (got), *tap_w_ = (want); \
	int tap_same_ = (tap_g_ && tap_w_) ? strcmp(tap_g_, tap_w_) == 0 : tap_g_ == tap_w_; \
	ok(tap_same_, __VA_ARGS__); \
	if (!tap_same_) printf("#   got '%s', expected '%s'\n", tap_g_ ? tap_g_ : "(null)", tap_w_ ? tap_w_ : "(null)"); \
} while (0)

/* Call last: prints the plan and returns the exit status. */
static int
tap_done(void)
{
	printf("1..%d\n", tap_count);
	return tap_failed == 0 ? 0 : 1;
}

#endif							/* CL_TAP_H */
