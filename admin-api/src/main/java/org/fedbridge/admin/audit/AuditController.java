package org.fedbridge.admin.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Reading, verifying and exporting the audit log (roles: see SecurityConfiguration). */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "audit", description = "The hash-chained audit log")
class AuditController {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final AuditLog audit;

  AuditController(AuditLog audit) {
    this.audit = audit;
  }

  @GetMapping
  @Operation(summary = "Entries, newest first (OPERATOR)")
  Map<String, Object> page(
      @RequestParam(defaultValue = "9223372036854775807") @Min(1) long before,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
      @RequestParam(required = false) @Pattern(regexp = "[a-z0-9:][a-z0-9._@:-]{0,127}")
          String actor) {
    List<AuditEntry> entries = audit.page(before, limit, Optional.ofNullable(actor));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("entries", entries.stream().map(AuditLog::view).toList());
    out.put("nextBefore", entries.size() == limit ? entries.get(entries.size() - 1).seq() : null);
    return out;
  }

  @GetMapping("/verify")
  @Operation(summary = "Walk the whole chain and report the first broken entry (VIEWER)")
  Map<String, Object> verify() {
    AuditVerification v = audit.verify();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("valid", v.valid());
    out.put("entries", v.entries());
    out.put("headSeq", v.headSeq());
    out.put("headHash", v.headHash().toHex());
    out.put("firstBrokenSeq", v.valid() ? null : v.firstBrokenSeq());
    out.put("problem", v.valid() ? null : v.problem());
    return out;
  }

  @GetMapping(value = "/export", produces = "application/x-ndjson")
  @Operation(summary = "Every entry in chain order, one JSON object per line (ADMIN)")
  void export(HttpServletResponse response) throws IOException {
    response.setContentType("application/x-ndjson");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"fedbridge-audit.ndjson\"");
    Writer out = response.getWriter();
    try {
      audit.export(
          e -> {
            try {
              out.write(JSON.writeValueAsString(AuditLog.view(e)));
              out.write('\n');
            } catch (IOException io) {
              throw new UncheckedIOException(io);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    out.flush();
  }
}
