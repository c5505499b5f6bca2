package org.fedbridge.validator.signing;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator endpoints of the signing feature, on the paths agreed for the validator's API
 * (docs/operations.md); keep them inside the pod network:
 *
 * <ul>
 *   <li>{@code GET /api/signing} — halted or not, and why;
 *   <li>{@code POST /api/signing/resume} — clear a halt after the cause was dealt with;
 *   <li>{@code GET /api/signing-protection} — export the signing protection (interchange JSON);
 *   <li>{@code POST /api/signing-protection} — import one: merged, never loosening (a record with
 *       another digest than the one recorded refuses the whole file, and nothing changes).
 * </ul>
 */
@RestController
@RequestMapping("/api")
class SigningAdminController {
  private final SigningHalt halt;
  private final SigningProtectionAdmin protection;

  SigningAdminController(SigningHalt halt, SigningProtectionAdmin protection) {
    this.halt = halt;
    this.protection = protection;
  }

  @GetMapping(path = "/signing", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> status() {
    return haltView(halt.current());
  }

  @PostMapping(path = "/signing/resume", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> resume() {
    Optional<SigningHalt.Halt> cleared = halt.resume();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("resumed", cleared.isPresent());
    cleared.ifPresent(h -> out.put("cleared", haltView(Optional.of(h))));
    return out;
  }

  @GetMapping(path = "/signing-protection", produces = MediaType.APPLICATION_JSON_VALUE)
  String export() {
    return protection.export();
  }

  @PostMapping(path = "/signing-protection", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> importProtection(@RequestBody(required = false) String body) {
    SigningProtectionAdmin.Imported result = protection.importDocument(body);
    if (result instanceof SigningProtectionAdmin.Imported.Applied a) {
      return ResponseEntity.ok(Map.of("added", a.added(), "alreadyPresent", a.alreadyPresent()));
    }
    SigningProtectionAdmin.Imported.Refused r = (SigningProtectionAdmin.Imported.Refused) result;
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(r.error().status(), r.detail());
    problem.setTitle(r.error().title());
    problem.setType(URI.create("urn:fedbridge:validator:signing:" + r.error().name()));
    problem.setProperty("error", r.error().name());
    return ResponseEntity.status(r.error().status())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static Map<String, Object> haltView(Optional<SigningHalt.Halt> h) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("halted", h.isPresent());
    h.ifPresent(
        x -> {
          out.put("source", x.source());
          out.put("reason", x.reason());
          out.put("since", x.since().toString());
        });
    return out;
  }
}
