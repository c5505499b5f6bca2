package org.fedbridge.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import org.fedbridge.admin.TestBridge;
import org.fedbridge.admin.TestChain;
import org.fedbridge.admin.TestConsole;
import org.fedbridge.admin.TestKafkaProducer;
import org.fedbridge.admin.TestSidechain;
import org.fedbridge.admin.auth.AdminPrincipal;
import org.fedbridge.admin.auth.Principals;
import org.fedbridge.admin.auth.Role;
import org.fedbridge.admin.chain.Vault;
import org.fedbridge.admin.federation.Roster;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.bls.SecretKey;
import org.fedbridge.core.message.EpochChange;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.threshold.MemberSet;
import org.fedbridge.core.threshold.SecretShare;
import org.fedbridge.core.threshold.Shamir;
import org.fedbridge.core.threshold.ThresholdPolicy;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.core.wire.CertificateBody.EpochChangeBody;
import org.fedbridge.core.wire.CertificateRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web console in headless Chromium, against the real console, anvil and a sidechain-node: an
 * admin signs in and proposes a fifth operator, a second admin signs in and approves, the rotation
 * runs (the test plays the federation's DKG and hand-over) and the page shows it complete; a PAUSER
 * pauses the vault after typing the confirmation; the audit chain verifies. The page runs under its
 * strict Content Security Policy without a single violation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebConsoleBrowserTest {
  private static final TestChain CHAIN = TestChain.start(TestConsole.dir("web-chain"));
  private static final TestSidechain SIDECHAIN =
      TestSidechain.start(CHAIN, TestConsole.dir("web-sidechain"), "admin_web_sidechain", Map.of());
  private static final TestBridge BRIDGE = new TestBridge(CHAIN, SIDECHAIN);
  private static final String CERTIFICATES = "it.web.certificates." + UUID.randomUUID();

  @Autowired Environment environment;
  @Autowired Principals principals;
  @Autowired Roster roster;
  @Autowired Vault vault;
  private WebDriver browser;
  private WebDriverWait wait;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    Map<String, String> s =
        new LinkedHashMap<>(
            TestConsole.settings(TestConsole.database("admin_web"), TestConsole.dir("web")));
    s.putAll(CHAIN.settings());
    s.put("bridge.admin.sidechain.rpc-url", SIDECHAIN.url());
    s.put("bridge.admin.topics.certificates", CERTIFICATES);
    s.put("bridge.admin.topics.heartbeats", "it.web.heartbeats." + UUID.randomUUID());
    s.put("bridge.admin.topics.governance", "it.web.governance." + UUID.randomUUID());
    TestConsole.register(registry, s);
  }

  @BeforeAll
  void browser() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(60));
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    SIDECHAIN.close();
    CHAIN.close();
  }

  private String url() {
    return "http://127.0.0.1:" + environment.getProperty("local.server.port") + "/";
  }

  private String principal(String name, Role role) {
    return principals
        .create(
            new AdminPrincipal(
                "bootstrap", java.util.Set.of(Role.ADMIN), AdminPrincipal.Source.API_TOKEN, 0),
            name,
            java.util.Set.of(role))
        .orThrow()
        .token();
  }

  private void signIn(String token) {
    browser.get(url());
    WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
    field.sendKeys(token);
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tabs")));
  }

  private void signOut() {
    browser.findElement(By.id("sign-out")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
  }

  private void tab(String name) {
    browser.findElement(By.cssSelector("#tabs button[data-tab='" + name + "']")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(name)));
  }

  private By proposalRow(String id) {
    return By.cssSelector("#proposal-list tr[data-proposal='" + id + "']");
  }

  @Test
  void anAdminProposesASecondApprovesTheRotationCompletesAndAPauserPauses() throws Exception {
    String admin2 = principal("web-admin-2", Role.ADMIN);
    String pauser = principal("web-pauser", Role.PAUSER);

    // A wrong token is refused on the page.
    browser.get(url());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")))
        .sendKeys("fba_" + "w".repeat(43));
    browser.findElement(By.id("sign-in")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "Sign-in failed"));

    // The first admin proposes op-5.
    signIn(TestConsole.BOOTSTRAP_TOKEN);
    assertThat(browser.findElement(By.id("who-name")).getText()).isEqualTo("bootstrap");
    tab("proposals");
    new Select(browser.findElement(By.id("proposal-kind"))).selectByVisibleText("ADD_MEMBER");
    browser.findElement(By.id("field-operatorId")).sendKeys("op-5");
    browser.findElement(By.id("field-identityPublicKey")).sendKeys(TestConsole.newIdentityKeyHex());
    browser.findElement(By.id("proposal-reason")).sendKeys("a fifth operator joins");
    browser.findElement(By.id("propose")).click();
    WebElement row =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#proposal-list tbody tr")));
    String id = row.getAttribute("data-proposal");
    assertThat(row.getText()).contains("ADD_MEMBER").contains("PENDING").contains("1/2");
    signOut();

    // The second admin approves it.
    signIn(admin2);
    tab("proposals");
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("button[data-approve='" + id + "']")))
        .click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(proposalRow(id), "APPROVED"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(proposalRow(id), "PUBLISHED"));

    // The federation runs the DKG and hands over (played by the test).
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> roster.planned().isPresent());
    // While it waits for the DKG, an admin is offered to abandon it (not taken here).
    tab("rotation");
    wait.until(ExpectedConditions.textToBe(By.id("rotation-state"), "waiting"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("abandon-open")));
    handOver(List.of("op-1", "op-2", "op-3", "op-4", "op-5"));
    new WebDriverWait(browser, Duration.ofSeconds(120))
        .until(ExpectedConditions.textToBe(By.id("rotation-state"), "complete"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("abandon-open")));
    assertThat(browser.findElement(By.id("rotation-steps")).getText())
        .contains("certificate DONE")
        .contains("l1 DONE")
        .contains("sidechain DONE");
    tab("federation");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("epoch-summary"), "Epoch 1: 4-of-5"));
    signOut();

    // A PAUSER pauses, after typing the confirmation.
    signIn(pauser);
    tab("pause");
    wait.until(ExpectedConditions.textToBe(By.id("pause-state"), "running"));
    browser.findElement(By.id("pause-open")).click();
    browser.findElement(By.id("pause-word")).sendKeys("pause please");
    browser.findElement(By.id("pause-reason")).sendKeys("drill");
    browser.findElement(By.id("pause-submit")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("pause-result"), "Not paused"));
    assertThat(vault.paused()).isFalse();
    browser.findElement(By.id("pause-word")).clear();
    browser.findElement(By.id("pause-word")).sendKeys("PAUSE");
    browser.findElement(By.id("pause-submit")).click();
    wait.until(ExpectedConditions.textToBe(By.id("pause-state"), "PAUSED"));
    assertThat(vault.paused()).isTrue();

    // The audit chain verifies.
    tab("audit");
    browser.findElement(By.id("audit-verify")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-verdict"), "valid"));

    List<String> violations = new ArrayList<>();
    for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
      if (e.getMessage().contains("Content Security Policy")
          || e.getMessage().contains("Uncaught")) {
        violations.add(e.getMessage());
      }
    }
    assertThat(violations).isEmpty();
  }

  private static void handOver(List<String> operators) {
    SecretKey next = SecretKey.random(new SecureRandom());
    List<Member> members = new ArrayList<>();
    for (SecretShare s : Shamir.split(next, new ThresholdPolicy(4, 5), new SecureRandom())) {
      members.add(new Member(s.index(), operators.get(s.index() - 1), s.publicKey()));
    }
    EpochChange change =
        new EpochChange(UInt256.ONE, next.publicKey(), MemberSet.of(members, 4).orThrow());
    CertificateRecord c =
        new CertificateRecord(
            0,
            new EpochChangeBody(change),
            Bls.sign(CHAIN.groupSecret, change.digest(BRIDGE.domain(0))),
            List.of(1, 2, 3),
            2);
    TestKafkaProducer.send(CERTIFICATES, c.kafkaKey(), c.encode());
  }
}
