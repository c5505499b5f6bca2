package org.fedbridge.relayer.api;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Requests Tomcat refuses before they reach the application (a NUL or an encoded slash in the path,
 * a malformed request line) are answered as problem details too, instead of Tomcat's HTML page.
 * (Public because Tomcat creates it by its class name.)
 */
public final class ProblemErrorReportValve extends ErrorReportValve {
  /** Tomcat creates the valve by its class name. */
  public ProblemErrorReportValve() {}

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    ApiError error =
        status >= 500
            ? ApiError.INTERNAL
            : status == 404 ? ApiError.NOT_FOUND : ApiError.BAD_REQUEST;
    String body =
        "{\"type\":\""
            + error.type()
            + "\",\"title\":\""
            + error.title()
            + "\",\"status\":"
            + status
            + ",\"detail\":\"the request was refused before it reached the API (malformed URL or"
            + " request)\"}";
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(body);
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Install {
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
      return factory ->
          factory.addContextCustomizers(
              context -> {
                if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                  host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
              });
    }
  }
}
