// fedbridge admin console. No framework, no build step. Everything on the page is built with
// textContent (never innerHTML), and the token lives only in this tab's sessionStorage.
"use strict";

const FIELDS = {
  ADD_MEMBER: ["operatorId", "identityPublicKey", "threshold"],
  REMOVE_MEMBER: ["operatorId", "threshold"],
  CHANGE_THRESHOLD: ["threshold"],
  ROTATE_IDENTITY: ["operatorId", "identityPublicKey", "threshold"],
  TOKEN_CONFIG: ["token", "registered", "periodLimit", "periodSeconds", "delayThreshold",
    "delaySeconds", "symbol", "name", "decimals"],
  PAUSER_UPDATE: ["pauser", "enabled"],
  UNPAUSE: ["pauseCount"],
  GRANT_ADMIN: ["principal"],
  REVOKE_ADMIN: ["principal"],
};
const NUMBERS = new Set(["threshold", "periodSeconds", "delaySeconds", "decimals", "pauseCount"]);
const BOOLEANS = new Set(["registered", "enabled"]);

let me = null;
let current = "federation";
let timer = null;

const $ = (id) => document.getElementById(id);

function token() { return sessionStorage.getItem("fedbridge.token"); }

async function api(method, path, body) {
  const headers = { "Authorization": "Bearer " + token() };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  const data = text ? JSON.parse(text) : null;
  if (!r.ok) {
    const e = new Error((data && (data.detail || data.title)) || ("HTTP " + r.status));
    e.status = r.status;
    throw e;
  }
  return data;
}

function show(message) { $("error").textContent = message || ""; }

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}

function row(tbody, cells) {
  const tr = document.createElement("tr");
  for (const c of cells) {
    if (c instanceof Node) { const td = document.createElement("td"); td.appendChild(c); tr.appendChild(td); }
    else tr.appendChild(el("td", c === null || c === undefined ? "" : c));
  }
  tbody.appendChild(tr);
  return tr;
}

function clear(id) { const t = $(id).querySelector("tbody") || $(id); t.replaceChildren(); return t; }

async function signIn(event) {
  event.preventDefault();
  sessionStorage.setItem("fedbridge.token", $("token").value.trim());
  $("token").value = "";
  try {
    me = await api("GET", "/api/me");
    $("login-error").textContent = "";
    enter();
  } catch (e) {
    sessionStorage.removeItem("fedbridge.token");
    $("login-error").textContent = "Sign-in failed: " + e.message;
  }
}

function signOut() {
  sessionStorage.removeItem("fedbridge.token");
  me = null;
  clearInterval(timer);
  $("who").hidden = true;
  $("tabs").hidden = true;
  document.querySelectorAll(".tab").forEach((s) => { s.hidden = true; });
  $("login").hidden = false;
  show("");
}

function enter() {
  $("login").hidden = true;
  $("who").hidden = false;
  $("tabs").hidden = false;
  $("who-name").textContent = me.name;
  $("who-roles").textContent = "(" + me.roles.join(", ") + ")";
  open(current);
  clearInterval(timer);
  timer = setInterval(() => refresh().catch(() => {}), 3000);
}

function open(tab) {
  current = tab;
  document.querySelectorAll(".tab").forEach((s) => { s.hidden = s.id !== tab; });
  document.querySelectorAll("#tabs button").forEach((b) => b.classList.toggle("active", b.dataset.tab === tab));
  refresh().catch(() => {});
}

async function refresh() {
  try {
    await RENDER[current]();
    show("");
  } catch (e) {
    if (e.status === 401) { signOut(); $("login-error").textContent = "Your session ended: sign in again."; return; }
    show(e.message);
  }
}

const RENDER = {
  async federation() {
    const f = await api("GET", "/api/federation");
    const e = f.epoch;
    $("epoch-summary").textContent = e
      ? "Epoch " + e.epoch + ": " + e.threshold + "-of-" + e.size + (f.planned ? " — rotation to epoch " + f.planned.epoch + " in progress" : "")
      : "No federation known yet.";
    const tbody = clear("members");
    for (const m of (e ? e.members : [])) {
      const last = m.lastSigned ? m.lastSigned.type.replace("fedbridge.", "") + " " + m.lastSigned.batchId : "";
      const tr = row(tbody, [m.index, m.operatorId, m.status, m.l1Lag, m.sidechainLag, last, m.missedSignatures, m.lastHeartbeatAt]);
      tr.children[2].className = "status-" + m.status;
      if (m.haltReason) tr.children[2].title = m.haltReason;
    }
    const certs = clear("certificates");
    for (const c of await api("GET", "/api/federation/certificates?limit=20")) {
      row(certs, [c.type.replace("fedbridge.", ""), c.batchId, c.epoch, String(c.verified), c.notSigned.join(", ")]);
    }
    const epochs = clear("epochs");
    for (const x of await api("GET", "/api/federation/epochs")) {
      row(epochs, [x.epoch, x.threshold + "-of-" + x.members.length, x.state, x.source, x.activatedAt]);
    }
  },

  async rotation() {
    const r = await api("GET", "/api/federation/rotation");
    $("rotation-state").textContent = r.state;
    $("rotation-epoch").textContent = r.epoch !== undefined ? "epoch " + r.epoch + " (" + (r.members || []).join(", ") + ")" : "";
    const ol = clear("rotation-steps");
    for (const s of (r.steps || [])) {
      const li = el("li");
      li.appendChild(el("strong", s.step + " "));
      li.appendChild(el("span", s.state, "state-" + s.state));
      li.appendChild(el("span", " — " + s.detail, "muted"));
      ol.appendChild(li);
    }
    $("abandon-open").hidden = !me.roles.includes("ADMIN") || r.state !== "waiting";
  },

  async proposals() {
    const list = await api("GET", "/api/proposals?limit=50");
    const tbody = clear("proposal-list");
    for (const p of list) {
      const actions = el("span");
      if (me.roles.includes("ADMIN") && (p.state === "PENDING" || p.state === "APPROVED")) {
        if (p.state === "PENDING" && !p.approvals.includes(me.name)) {
          const b = el("button", "Approve");
          b.type = "button";
          b.dataset.approve = p.id;
          b.addEventListener("click", () => act("/api/proposals/" + p.id + "/approve", undefined));
          actions.appendChild(b);
        }
        const c = el("button", "Cancel");
        c.type = "button";
        c.dataset.cancel = p.id;
        c.addEventListener("click", () => act("/api/proposals/" + p.id + "/cancel", { reason: "cancelled in the console" }));
        actions.appendChild(c);
      }
      const tr = row(tbody, [p.id, p.kind, p.summary, p.state, p.approvals.length + "/" + p.requiredApprovals + " (" + p.approvals.join(", ") + ")", p.readyAt, actions]);
      tr.dataset.proposal = p.id;
    }
  },

  async tokens() {
    const tbody = clear("token-list");
    for (const t of await api("GET", "/api/tokens")) {
      row(tbody, [t.token, t.registered, t.periodLimit, t.periodSeconds, t.delayThreshold, t.delaySeconds, t.sidechainToken || t.sidechainError || ""]);
    }
    const configs = clear("token-configs");
    for (const c of await api("GET", "/api/tokens/configs")) {
      const tr = row(configs, [c.governanceNonce, c.token, c.registered, c.l1, c.l1Detail, c.sidechain, c.sidechainDetail]);
      tr.dataset.nonce = c.governanceNonce;
    }
    if (!configs.children.length) row(configs, ["", "none published", "", "", "", "", ""]);
  },

  async pause() {
    const s = await api("GET", "/api/pause");
    $("pause-vault").textContent = s.vault;
    $("pause-state").textContent = s.paused === null ? "unknown (" + s.l1Error + ")" : (s.paused ? "PAUSED" : "running");
    $("pause-pauser").textContent = s.pauserConfigured ? "Pauser key " + s.pauser + (s.pauseCount !== undefined ? ", pauses so far: " + s.pauseCount : "") : "This console has no pauser key.";
    $("pause-open").hidden = !me.roles.includes("PAUSER") || s.paused === true;
    for (const [id, list] of [["pause-unpauses", s.unpauses], ["pause-pauser-updates", s.pauserUpdates]]) {
      const tbody = clear(id);
      for (const u of (list || [])) {
        const tr = row(tbody, [u.proposal, u.summary, u.stage, u.reason, u.until, u.transaction]);
        tr.dataset.proposal = u.proposal;
        tr.dataset.stage = u.stage;
      }
    }
  },

  async reconciliation() {
    const r = await api("GET", "/api/reconciliation");
    $("rec-state").textContent = r.state + (r.finishedAt ? " at " + r.finishedAt : "");
    $("rec-blocks").textContent = r.l1Block !== undefined ? "(L1 block " + r.l1Block + ", sidechain block " + r.sidechainBlock + ")" : "";
    $("rec-run").hidden = !me.roles.includes("OPERATOR");
    const tokens = clear("rec-tokens");
    for (const t of (r.tokens || [])) {
      const tr = row(tokens, [t.token, t.vaultBalance, t.obligations, String(t.ok)]);
      tr.children[3].className = "ok-" + t.ok;
    }
    const ul = clear("rec-mismatches");
    for (const m of r.openMismatches) ul.appendChild(el("li", m.kind + " " + m.subject + ": " + m.detail, "error"));
    if (!r.openMismatches.length) ul.appendChild(el("li", "none", "ok-true"));
    const roots = clear("rec-roots");
    for (const x of await api("GET", "/api/watchtower/roots?limit=20")) row(roots, [x.root, x.sidechainBlock, x.status, x.detail]);
  },

  async audit() {
    const tbody = clear("audit-list");
    if (!me.roles.includes("OPERATOR")) { row(tbody, ["", "", "", "reading entries needs OPERATOR", "", ""]); return; }
    const page = await api("GET", "/api/audit?limit=50");
    for (const e of page.entries) row(tbody, [e.seq, e.at, e.actor, e.action, e.target, e.outcome]);
  },
};

async function act(path, body) {
  try {
    await api("POST", path, body);
    await refresh();
  } catch (e) { show(e.message); }
}

function proposalFields() {
  const box = $("proposal-fields");
  box.replaceChildren();
  for (const f of FIELDS[$("proposal-kind").value]) {
    const label = el("label", f + " ");
    const input = document.createElement(BOOLEANS.has(f) ? "select" : "input");
    input.id = "field-" + f;
    input.name = f;
    if (BOOLEANS.has(f)) for (const v of ["true", "false"]) { const o = el("option", v); o.value = v; input.appendChild(o); }
    label.appendChild(input);
    box.appendChild(label);
  }
}

async function propose(event) {
  event.preventDefault();
  const kind = $("proposal-kind").value;
  const body = { kind };
  for (const f of FIELDS[kind]) {
    const v = $("field-" + f).value.trim();
    if (v === "") continue;
    body[f] = NUMBERS.has(f) ? Number(v) : BOOLEANS.has(f) ? v === "true" : v;
  }
  const reason = $("proposal-reason").value.trim();
  if (reason) body.reason = reason;
  try {
    await api("POST", "/api/proposals", body);
    $("proposal-reason").value = "";
    proposalFields();
    await refresh();
  } catch (e) { show(e.message); }
}

async function pauseNow(event) {
  event.preventDefault();
  try {
    const r = await api("POST", "/api/pause", { confirm: $("pause-word").value, reason: $("pause-reason").value });
    $("pause-result").textContent = "Paused in transaction " + r.hash;
    $("pause-confirm").hidden = true;
    await refresh();
  } catch (e) { $("pause-result").textContent = "Not paused: " + e.message; }
}

async function abandonRotation(event) {
  event.preventDefault();
  try {
    const r = await api("POST", "/api/federation/rotation/abandon", { confirm: $("abandon-word").value, reason: $("abandon-reason").value });
    $("abandon-result").textContent = "Rotation to epoch " + r.epoch + " abandoned";
    $("abandon-confirm").hidden = true;
    await refresh();
  } catch (e) { $("abandon-result").textContent = "Not abandoned: " + e.message; }
}

async function verify() {
  try {
    const v = await api("GET", "/api/audit/verify");
    $("audit-verdict").textContent = v.valid
      ? "valid: " + v.entries + " entries, head " + v.headHash
      : "BROKEN at entry " + v.firstBrokenSeq + ": " + v.problem;
    $("audit-verdict").className = v.valid ? "ok-true" : "error";
  } catch (e) { show(e.message); }
}

document.addEventListener("DOMContentLoaded", () => {
  $("login-form").addEventListener("submit", signIn);
  $("sign-out").addEventListener("click", signOut);
  document.querySelectorAll("#tabs button").forEach((b) => b.addEventListener("click", () => open(b.dataset.tab)));
  $("proposal-kind").addEventListener("change", proposalFields);
  $("proposal-form").addEventListener("submit", propose);
  $("pause-open").addEventListener("click", () => { $("pause-confirm").hidden = false; $("pause-word").value = ""; });
  $("pause-cancel").addEventListener("click", () => { $("pause-confirm").hidden = true; });
  $("pause-confirm").addEventListener("submit", pauseNow);
  $("abandon-open").addEventListener("click", () => { $("abandon-confirm").hidden = false; $("abandon-word").value = ""; });
  $("abandon-cancel").addEventListener("click", () => { $("abandon-confirm").hidden = true; });
  $("abandon-confirm").addEventListener("submit", abandonRotation);
  $("rec-run").addEventListener("click", () => act("/api/reconciliation/run", undefined));
  $("audit-verify").addEventListener("click", verify);
  proposalFields();
  if (token()) {
    api("GET", "/api/me").then((m) => { me = m; enter(); }).catch(() => signOut());
  }
});
