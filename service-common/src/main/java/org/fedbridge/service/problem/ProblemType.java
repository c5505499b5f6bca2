package org.fedbridge.service.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * One error of a service's API, answered as an RFC 9457 problem detail: {@code type} is {@code
 * /problems/<slug>}, {@code title} is fixed per error, the status too. Each API keeps its own enum
 * of them (one error enum per API); {@link Problems} turns them into responses the same way
 * everywhere.
 */
public interface ProblemType {
  HttpStatus status();

  String slug();

  String title();

  default URI type() {
    return URI.create("/problems/" + slug());
  }
}
