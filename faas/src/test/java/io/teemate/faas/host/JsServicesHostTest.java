package io.teemate.faas.host;

import io.teemate.faas.abi.ServiceFrame;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The host's side of fetch and teemate.kv checks what a function asks (its code is a tenant's): only http(s) GET and
 * HEAD, a kept body only to the reader that has its id, frames that parse, and without a store a message saying how
 * to give the platform one.
 */
class JsServicesHostTest {
    private static byte[] request(String json) {
        byte[] h = json.getBytes(StandardCharsets.UTF_8);
        return java.nio.ByteBuffer.allocate(4 + h.length)
                .putInt(h.length)
                .put(h)
                .array();
    }

    private static String error(byte[] reply) {
        return ServiceFrame.decode(reply).header().path("error").asText(null);
    }

    @Test
    void fetchRefusesWhatIsNotAnHttpGetOrHead() throws Exception {
        try (FetchService f = new FetchService()) {
            assertThat(error(f.serve("c", request("{\"method\":\"POST\",\"url\":\"http://127.0.0.1:1/\"}"))))
                    .isEqualTo("only GET and HEAD are supported, not POST");
            assertThat(error(f.serve("c", request("{\"method\":\"GET\",\"url\":\"file:///etc/passwd\"}"))))
                    .isEqualTo("file:///etc/passwd is not an http or https URL with a host");
            assertThat(error(f.serve(
                            "c", request("{\"method\":\"GET\",\"url\":\"http://x/\",\"offset\":5,\"id\":\"1\"}"))))
                    .as("reading on in a body nobody fetched")
                    .isEqualTo("the body being read is no longer kept: fetch http://x/ again");
            assertThatThrownBy(() -> f.serve("c", request("{\"method\":\"GET\",\"url\":\"http://x/\",\"offset\":-1}")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> f.serve("c", new byte[] {0, 0, 0, 9, '{'}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("runs past its end");
            assertThatThrownBy(() -> f.serve("c", request("[1]")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a JSON object");
        }
    }

    @Test
    void kvWithoutAStoreSaysHowToGiveItOne() {
        try (KvService kv = KvService.of(null)) {
            assertThat(error(kv.serve("c", request("{\"op\":\"SET\",\"key\":\"k\"}"))))
                    .isEqualTo("the platform has no key-value store: start teemate serve with --kv HOST:PORT");
        }
        assertThat(PlatformOptions.defaults().kvEndpoint()).isNull();
    }

    @Test
    void kvEndpointsAreHostPort() {
        assertThat(KvService.HostPort.parse("127.0.0.1:6379")).isEqualTo(new KvService.HostPort("127.0.0.1", 6379));
        assertThat(KvService.HostPort.parse("[::1]:7000")).isEqualTo(new KvService.HostPort("::1", 7000));
        for (String bad : new String[] {"6379", ":6379", "host:", "host:0", "host:70000", "host:x"}) {
            assertThatThrownBy(() -> PlatformOptions.defaults().withKvEndpoint(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must be HOST:PORT");
        }
    }

    @Test
    void kvRefusesAnUnknownOperationAndABadKeyWithoutTouchingTheStore() {
        // an endpoint nobody listens on: these are answered before any connection is made
        try (KvService kv = KvService.of("127.0.0.1:1")) {
            assertThat(error(kv.serve("c", request("{\"op\":\"FLUSHALL\",\"key\":\"k\"}"))))
                    .isEqualTo("unknown key-value operation FLUSHALL (SET, APPEND or GET)");
            assertThat(error(kv.serve("c", request("{\"op\":\"GET\",\"key\":\"\"}"))))
                    .isEqualTo("a key is 1 to 1024 bytes");
            assertThat(error(kv.serve("c", request("{\"op\":\"GET\",\"key\":\"k\"}"))))
                    .startsWith("the key-value store at 127.0.0.1:1 is unreachable: ");
        }
    }
}
