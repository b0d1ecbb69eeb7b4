/* Included first into every C and C++ file of the portable driver (build-drivers.mjs). glibc 2.29 gave exp, exp2,
 * log, log2 and pow new symbol versions; linking against Debian 11's glibc would make the driver need GLIBC_2.29.
 * Binding them to the versions glibc has exported since 2.2.5 keeps it loadable on glibc 2.28 (EL 8). */
__asm__(".symver exp,exp@GLIBC_2.2.5");
__asm__(".symver exp2,exp2@GLIBC_2.2.5");
__asm__(".symver log,log@GLIBC_2.2.5");
__asm__(".symver log2,log2@GLIBC_2.2.5");
__asm__(".symver pow,pow@GLIBC_2.2.5");
