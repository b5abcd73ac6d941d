/*
 * partial-sums: the Computer Language Benchmarks Game partial-sums benchmark (also SunSpider's
 * math-partial-sums): nine series summed term by term in double precision, exercising pow,
 * sqrt, sin and cos.
 *
 * stdin:  the number of terms n, if not blank.
 * env:    PS_N (default 10000) when the body is blank.
 * stdout: nine lines "%.9f\t<series name>", in the benchmark's order:
 *           (2/3)^k, k^-0.5, 1/k(k+1), Flint Hills, Cookson Hills, Harmonic, Riemann Zeta,
 *           Alternating Harmonic, Gregory
 * exit:   0; 2 on a malformed parameter.
 */
#include "workload.h"

#include <math.h>

int main(void) {
    wl_body body = wl_read_stdin(64);
    wl_trim(&body);
    long n = (long)wl_size_param(&body, "PS_N", 10000, 1, 100000000);

    const double twothirds = 2.0 / 3.0;
    double a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0, alt = -1.0;
    for (long i = 1; i <= n; i++) {
        double k = (double)i, k2 = k * k, k3 = k2 * k;
        double sk = sin(k), ck = cos(k);
        alt = -alt;
        a1 += pow(twothirds, k - 1);
        a2 += 1.0 / sqrt(k);
        a3 += 1.0 / (k * (k + 1.0));
        a4 += 1.0 / (k3 * sk * sk);
        a5 += 1.0 / (k3 * ck * ck);
        a6 += 1.0 / k;
        a7 += 1.0 / k2;
        a8 += alt / k;
        a9 += alt / (2.0 * k - 1.0);
    }
    printf("%.9f\t(2/3)^k\n", a1);
    printf("%.9f\tk^-0.5\n", a2);
    printf("%.9f\t1/k(k+1)\n", a3);
    printf("%.9f\tFlint Hills\n", a4);
    printf("%.9f\tCookson Hills\n", a5);
    printf("%.9f\tHarmonic\n", a6);
    printf("%.9f\tRiemann Zeta\n", a7);
    printf("%.9f\tAlternating Harmonic\n", a8);
    printf("%.9f\tGregory\n", a9);
    return 0;
}
