package org.fedbridge.relayer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.web3j.crypto.Credentials;

/**
 * The "track my transfer" page in headless Chromium (Debian's chromium and chromium-driver; CI
 * installs them): paste a burn's transaction hash, watch the stages arrive live over SSE without a
 * reload until it is paid, and copy the self-claim calldata the API gives.
 */
class TrackPageBrowserTest {
  private static WebDriver browser;

  @BeforeAll
  static void chromium() {
    File binary = new File("/usr/bin/chromium");
    File driver = new File("/usr/bin/chromedriver");
    assertThat(binary.canExecute())
        .as("/usr/bin/chromium: install Debian's chromium and chromium-driver (.ci/run does)")
        .isTrue();
    assertThat(driver.canExecute())
        .as("/usr/bin/chromedriver: install Debian's chromium-driver (.ci/run does)")
        .isTrue();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binary);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1200,900");
    browser =
        new ChromeDriver(
            new ChromeDriverService.Builder().usingDriverExecutable(driver).build(), options);
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void pastedBurnHashShowsStagesLiveUntilPaidAndGivesTheSelfClaimCalldata() {
    Bridge bridge = Bridge.get();
    Users users = new Users(bridge);
    Credentials user = bridge.users.get(2);
    Users.Burn burn = users.withdrawEth(user, Users.freshAddress(), Bridge.ether(1));
    String api = bridge.relayerUrl() + "/api/v1/withdrawals/" + burn.nonce();
    RoundTripTest.awaitStage(api, "REQUESTED");

    browser.get(bridge.relayerUrl() + "/");
    browser.findElement(By.id("query")).sendKeys(burn.hash());
    browser.findElement(By.id("track")).click();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
    By card = By.id("transfer-WITHDRAWAL-" + burn.nonce());
    By stage = By.cssSelector("#transfer-WITHDRAWAL-" + burn.nonce() + " .stage");
    wait.until(ExpectedConditions.textToBe(stage, "REQUESTED"));
    assertThat(browser.findElement(card).findElement(By.className("reason")).getText())
        .contains("signatures 0 of");
    wait.until(ExpectedConditions.attributeToBe(By.id("status"), "data-live", "true"));
    ((JavascriptExecutor) browser).executeScript("window.__sameLoad = 42;");

    // The federation certifies; the page follows over SSE, without a reload.
    bridge.validators.certifyWithdrawals(burn.block());
    wait.until(ExpectedConditions.textToBe(stage, "CLAIMED"));
    assertThat(((JavascriptExecutor) browser).executeScript("return window.__sameLoad;"))
        .isEqualTo(42L);
    List<String> shown =
        browser.findElement(card).findElements(By.cssSelector("ol.stages li")).stream()
            .map(e -> e.getAttribute("data-stage"))
            .toList();
    assertThat(shown)
        .containsExactly(
            "REQUESTED", "CERTIFIED", "ROOT_POSTED", "CHALLENGE_WINDOW", "CLAIMING", "CLAIMED");
    assertThat(browser.findElement(card).findElement(By.className("txs")).getText())
        .contains("l1 claim")
        .contains("sidechain burn")
        .contains(burn.hash());
  }

  @Test
  void selfClaimButtonShowsTheApisCalldata() throws Exception {
    Bridge bridge = Bridge.get();
    Users users = new Users(bridge);
    Credentials user = bridge.users.get(2);
    Users.Burn burn = users.withdrawEth(user, Users.freshAddress(), Bridge.ether(1));
    String api = bridge.relayerUrl() + "/api/v1/withdrawals/" + burn.nonce();
    RoundTripTest.awaitStage(api, "REQUESTED");
    // Paused, the vault takes no root and pays nothing: the withdrawal stays open meanwhile.
    bridge.vaultAs(bridge.pauser).pause().send();
    try {
      bridge.validators.certifyWithdrawals(burn.block());
      RoundTripTest.awaitStage(api, "CERTIFIED");
      selfClaim(bridge, burn, api);
    } finally {
      bridge.validators.unpause();
    }
    RoundTripTest.awaitStage(api, "CLAIMED");
  }

  private void selfClaim(Bridge bridge, Users.Burn burn, String api) {
    browser.get(bridge.relayerUrl() + "/?q=" + burn.nonce());
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    By button = By.cssSelector("#transfer-WITHDRAWAL-" + burn.nonce() + " button.claim");
    wait.until(ExpectedConditions.elementToBeClickable(button));
    JsonNode claim = Http.get(api + "/claim").json();
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d -> {
              d.findElement(button).click();
              return true;
            });
    WebElement out =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#transfer-WITHDRAWAL-" + burn.nonce() + " textarea.claim-data")));
    assertThat(out.getAttribute("data-data")).isEqualTo(claim.at("/claim/data").asText());
    assertThat(out.getAttribute("value")).contains("cast send " + claim.at("/claim/to").asText());
  }
}
