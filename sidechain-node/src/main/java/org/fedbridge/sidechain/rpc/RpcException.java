package org.fedbridge.sidechain.rpc;

/** An error answer: the code from {@link JsonRpcError}, a message, and optional data. */
public final class RpcException extends Exception {
  private final JsonRpcError error;
  private final Object data;

  public RpcException(JsonRpcError error) {
    this(error, error.message(), null);
  }

  public RpcException(JsonRpcError error, String message) {
    this(error, message, null);
  }

  public RpcException(JsonRpcError error, String message, Object data) {
    super(message, null, false, false);
    this.error = error;
    this.data = data;
  }

  public JsonRpcError error() {
    return error;
  }

  public Object data() {
    return data;
  }

  public static RpcException invalidParams(int index, String why) {
    return new RpcException(JsonRpcError.INVALID_PARAMS, "invalid argument " + index + ": " + why);
  }
}
