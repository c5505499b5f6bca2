package org.fedbridge.validator.health;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** The one place where the REST API's errors become problem details. */
@RestControllerAdvice(assignableTypes = ValidatorApi.class)
class ApiErrors {

  @ExceptionHandler(ApiError.ApiException.class)
  ProblemDetail apiError(ApiError.ApiException e) {
    return problem(e.error);
  }

  @ExceptionHandler({
    MethodArgumentTypeMismatchException.class,
    MethodArgumentNotValidException.class
  })
  ProblemDetail badArgument(Exception e) {
    return problem(ApiError.BAD_LIMIT);
  }

  static ProblemDetail problem(ApiError error) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(error.status, error.detail);
    p.setTitle(error.title);
    p.setType(URI.create("urn:fedbridge:validator:" + error.name().toLowerCase(Locale.ROOT)));
    p.setProperty("code", error.name());
    return p;
  }
}
