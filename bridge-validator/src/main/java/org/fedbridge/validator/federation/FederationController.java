package org.fedbridge.validator.federation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.types.Hex;
import org.fedbridge.validator.dkg.ConfirmedFederation;
import org.fedbridge.validator.dkg.DkgService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /federation}: the epoch this validator signs for (or why none), and the federations
 * its DKGs confirmed. Public information only.
 */
@RestController
class FederationController {
  private final ChainFederations federations;
  private final DkgService dkg;

  FederationController(ChainFederations federations, DkgService dkg) {
    this.federations = federations;
    this.dkg = dkg;
  }

  @GetMapping("/federation")
  Map<String, Object> federation() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", federations.status());
    federations
        .current()
        .ifPresent(
            v -> {
              Map<String, Object> c = new LinkedHashMap<>();
              c.put("epoch", v.epoch());
              c.put("groupPublicKey", Hex.encode(v.verifier().groupKey().toCompressed()));
              c.put("threshold", v.threshold());
              c.put("membersHash", v.verifier().members().membersHash().toHex());
              List<Map<String, Object>> ms = new ArrayList<>();
              for (Member m : v.verifier().members().members()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("index", m.index());
                x.put("operatorId", m.operatorId());
                x.put("sharePublicKey", Hex.encode(m.sharePk().toCompressed()));
                if (v.identities().containsKey(m.index())) {
                  x.put(
                      "identityPublicKey", Hex.encode(v.identities().get(m.index()).compressed()));
                }
                ms.add(x);
              }
              c.put("members", ms);
              c.put("myIndex", v.myIndex().isPresent() ? v.myIndex().getAsInt() : null);
              out.put("current", c);
            });
    List<Map<String, Object>> confirmed = new ArrayList<>();
    for (ConfirmedFederation f : dkg.federations()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("epoch", f.epoch());
      x.put("sessionId", f.sessionId().toHex());
      x.put("groupPublicKey", Hex.encode(f.groupKey().toCompressed()));
      x.put("threshold", f.threshold());
      x.put("myIndex", f.myIndex().isPresent() ? f.myIndex().getAsInt() : null);
      x.put("myShare", f.myShare());
      confirmed.add(x);
    }
    out.put("confirmedByDkg", confirmed);
    return out;
  }
}
