package io.teemate.faas.enclave;

import io.teemate.abi.image.EnclaveBinary;

import java.util.List;

/** The serverless module's enclave binaries (a ServiceLoader service): the Wasm app and its statistics app. */
public final class FaasBinaries implements EnclaveBinary.Library {
    @Override
    public List<EnclaveBinary> binaries() {
        return List.of(new WasmApp().binary(), new JsApp().binary(), new WasmRuntimeStats().binary());
    }
}
