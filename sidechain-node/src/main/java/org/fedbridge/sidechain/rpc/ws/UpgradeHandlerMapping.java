package org.fedbridge.sidechain.rpc.ws;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

/**
 * Serves WebSocket upgrades on the JSON-RPC path itself ({@code ws://host:8645/}, next to {@code
 * POST http://host:8645/}), as wallets expect: only a {@code GET} asking to upgrade to {@code
 * websocket} reaches the WebSocket handler; everything else goes on to the HTTP endpoint.
 */
public final class UpgradeHandlerMapping extends AbstractHandlerMapping implements SmartLifecycle {
  private final String path;
  private final WebSocketHttpRequestHandler handler;
  private volatile boolean running;

  public UpgradeHandlerMapping(String path, WebSocketHandler webSocketHandler) {
    this.path = path;
    this.handler = new WebSocketHttpRequestHandler(webSocketHandler, new DefaultHandshakeHandler());
    setOrder(Ordered.HIGHEST_PRECEDENCE);
  }

  @Override
  protected Object getHandlerInternal(HttpServletRequest request) {
    boolean upgrade =
        "GET".equals(request.getMethod())
            && "websocket".equalsIgnoreCase(request.getHeader("Upgrade"))
            && path.equals(request.getRequestURI());
    return upgrade ? handler : null;
  }

  @Override
  public void start() {
    handler.setServletContext(
        obtainApplicationContext()
                instanceof org.springframework.web.context.WebApplicationContext w
            ? w.getServletContext()
            : null);
    handler.start();
    running = true;
  }

  @Override
  public void stop() {
    handler.stop();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
