package io.teemate.kv.enclave;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.concurrent.TimeUnit;

import static io.teemate.kv.enclave.KvRig.bulk;
import static io.teemate.kv.enclave.KvRig.err;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * INCRBYFLOAT as Redis computes it: strtold into an x87 80-bit long double, the sum in long double, and "%.17Lf"
 * with trailing zeros removed. Every expected reply was taken from a real redis-server 7.0.15 on x86-64.
 * Security review finding 5: a huge exponent must be refused at once, not expanded digit by digit.
 */
class FloatArgumentsTest {
    static final String NOT_FLOAT = "ERR value is not a valid float";
    static final String NAN_OR_INF = "ERR increment would produce NaN or Infinity";
    final KvRig kv = new KvRig();

    private String incr(String old, String by) {
        kv.run("DEL", "k");
        if (!old.isEmpty()) {
            kv.run("SET", "k", old);
        }
        return kv.run("INCRBYFLOAT", "k", by);
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "10.5 | 0.1 | 10.6",
                "5.0e3 | 2.0e2 | 5200",
                "3 | 1e20 | 100000000000000000000",
                "0.1 | 0.2 | 0.3",
                "0.3 | -0.1 | 0.2",
                "-5 | 5 | 0",
                "1.5 | -1.5 | 0",
                "'' | -1.5 | -1.5",
                "'' | 12345.678 | 12345.67799999999999994",
                "'' | 1000.1 | 1000.09999999999999998",
                "'' | 123456789.123456789 | 123456789.12345678899873747",
                "'' | 1e30 | 1000000000000000000024696061952",
                "1000000000000000000024696061952 | 1e-10 | 1000000000000000000024696061952",
                "'' | 3.0000000000000000001 | 3",
                "'' | 99999999999999999999.5 | 100000000000000000000",
                "'' | 9007199254740993 | 9007199254740993",
                "'' | 18446744073709551615 | 18446744073709551615",
                "'' | 18446744073709551617 | 18446744073709551616",
                "123456789012345678 | 1 | 123456789012345679",
                "1 | 1e-17 | 1.00000000000000001",
                "'' | 1e-17 | 0.00000000000000001",
                "'' | 5e-18 | 0",
                "'' | 1.5e-17 | 0.00000000000000002",
                "'' | 2.5e-17 | 0.00000000000000002",
                "'' | 0.000000000000000025 | 0.00000000000000002",
                "'' | 1.5e-10 | 0.00000000015",
                "'' | 1e-400 | 0",
                "'' | -1e-400 | 0",
                "'' | -0 | 0",
                "'' | -0.0 | 0",
                "'' | 1e-4940 | 0",
                "'' | 1e-4950 | 0",
                "'' | 1.9e-4951 | 0",
                "'' | 0x10 | 16",
                "'' | 0x1p3 | 8",
                "'' | 0X1P+3 | 8",
                "'' | 0x1.8p1 | 3",
                "'' | 0x1p-16445 | 0",
                "'' | +.5 | 0.5",
                "'' | 5. | 5",
                "'' | 1E3 | 1000",
                "'' | 00012.5000 | 12.5",
                "'' | 0e99999999999999999999999 | 0",
                "'' | 0.0000000000000000000000001e25 | 1",
            })
    void matchesRedis(String old, String by, String expected) {
        assertThat(incr(old, by)).isEqualTo(bulk(expected));
        assertThat(kv.cmd("GET k")).isEqualTo(bulk(expected));
    }

    @ParameterizedTest(name = "{0} + {1} refused")
    @CsvSource(
            delimiter = '|',
            value = {
                "'' | 1e4933",
                "'' | 1.8e-4951",
                "'' | 1e-5000",
                "'' | 0x1p-16446",
                "'' | 0x1p16384",
                "'' | 1e-99999999999999999999",
                "'' | nan",
                "'' | -nan",
                "'' | infinit",
                "'' | ' 1'",
                "'' | '1 '",
                "'' | 1e",
                "'' | 1e+",
                "'' | .e1",
                "'' | 0x",
                "'' | 0x.p1",
                "'' | 0x1g",
                "'' | abc",
                "'' | ''",
                "abc | 1",
                "1e4933 | 1",
            })
    void refusedAsRedisRefusesThem(String old, String by) {
        assertThat(incr(old, by)).isEqualTo(err(NOT_FLOAT));
    }

    @ParameterizedTest(name = "{0} + {1} is not finite")
    @CsvSource(
            delimiter = '|',
            value = {
                "'' | inf",
                "'' | -inf",
                "'' | infinity",
                "'' | -INFINITY",
                "inf | 0",
                "1e4932 | 1e4932",
                "0x1p16383 | 0x1p16383",
            })
    void nanOrInfinity(String old, String by) {
        assertThat(incr(old, by)).isEqualTo(err(NAN_OR_INF));
    }

    @Test
    void theLargestValuesArePrintedInFullAsRedisPrintsThem() {
        String max = incr("", "1.18973149535723176502e+4932");
        assertThat(max)
                .startsWith("$4933\r\n1189731495357231765021263853030970205169")
                .endsWith("444156604419552086811989770240\r\n");
        assertThat(incr("", "1.18973149535723176503e+4932")).isEqualTo(max); // rounds down to the largest
        assertThat(incr("", "1e4932"))
                .startsWith("$4933\r\n100000000000000000000601894938796389132383777")
                .endsWith("163141086538418113791886622720\r\n");
        assertThat(incr("", "-1e4000")).startsWith("$4001\r\n-").endsWith("272729951206648276349901340672\r\n");
        assertThat(incr("1e4931", "1e4932")).startsWith("$4933\r\n11000000000000000000388685811252787432534122340");
        assertThat(incr("", "0x1p16383")).startsWith("$4932\r\n59486574767861588254287966331400356538172234354825");
        assertThat(incr("", "1e308"))
                .startsWith("$308\r\n999999999999999999966858796558456456605600998474155")
                .endsWith("424510452728255046343928578048\r\n");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void hugeExponentsAreRefusedAtOnce() {
        kv.cmd("SET important data");
        for (String by : new String[] {
            "1e10000000",
            "1e999999999",
            "-1e999999999999999999999999",
            "1e-999999999",
            "0x1p99999999999",
            "9".repeat(5000) + "e4000"
        }) {
            assertThat(incr("", by)).as(by).isEqualTo(err(NOT_FLOAT));
        }
        // the longest argument strtold is given (5119 bytes) is still parsed; one byte more is refused
        assertThat(incr("", "0".repeat(5118) + "1")).isEqualTo(bulk("1"));
        assertThat(incr("", "0".repeat(5119) + "1")).isEqualTo(err(NOT_FLOAT));
        assertThat(incr("", "1" + "0".repeat(4932))).startsWith("$4933\r\n1");
        assertThat(kv.cmd("GET important")).isEqualTo(bulk("data"));
    }
}
