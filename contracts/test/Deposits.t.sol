// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {VaultFixture} from "./utils/VaultFixture.sol";
import {IVaultErrors} from "../src/vault/IVaultErrors.sol";
import {IVaultTypes} from "../src/vault/IVaultTypes.sol";
import {MockERC20, FeeOnTransferToken, FalseReturningToken, NoopToken} from "./mocks/Tokens.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

/// Deposits credit exactly what arrived; zero amounts and addresses, unregistered tokens and tokens
/// that lie about transfers are refused (threats.md row 7, Qubit).
contract DepositsTest is VaultFixture {
    address internal constant ALICE = address(0xA1);

    function test_depositEthAssignsSequentialNonces() public {
        vm.prank(user);
        vm.assertEq(vault.depositETH{value: 1 ether}(ALICE), 1);
        vm.prank(user);
        vm.assertEq(vault.depositETH{value: 2 ether}(ALICE), 2);
        vm.assertEq(vault.depositCount(), 2);
        uint256 locked = vault.tokenFlow(address(0)).locked;
        vm.assertEq(locked, 3 ether);
        vm.assertEq(address(vault).balance, 3 ether);
    }

    function test_depositErc20() public {
        vm.prank(user);
        vm.assertEq(vault.deposit(address(token), 5 ether, ALICE), 1);
        vm.assertEq(token.balanceOf(address(vault)), 5 ether);
        uint256 locked = vault.tokenFlow(address(token)).locked;
        vm.assertEq(locked, 5 ether);
    }

    function testExploitRow7_zeroAmountsAndZeroAddressesRefused() public {
        vm.startPrank(user);
        vm.expectRevert(IVaultErrors.ZeroAmount.selector);
        vault.depositETH{value: 0}(ALICE);
        vm.expectRevert(IVaultErrors.ZeroAddress.selector);
        vault.depositETH{value: 1}(address(0));
        vm.expectRevert(IVaultErrors.ZeroAmount.selector);
        vault.deposit(address(token), 0, ALICE);
        vm.expectRevert(IVaultErrors.ZeroAddress.selector);
        vault.deposit(address(token), 1, address(0));
        // Qubit: token address(0) through the ERC-20 path
        vm.expectRevert(IVaultErrors.ZeroAddress.selector);
        vault.deposit(address(0), 1 ether, ALICE);
        vm.stopPrank();
        vm.assertEq(vault.depositCount(), 0);
    }

    function testExploitRow7_unregisteredTokenRefused() public {
        MockERC20 other = new MockERC20("OTHER");
        other.mint(user, 1 ether);
        vm.startPrank(user);
        other.approve(address(vault), 1 ether);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.TokenNotRegistered.selector, address(other)));
        vault.deposit(address(other), 1 ether, ALICE);
        vm.stopPrank();
    }

    function testExploitRow7_feeOnTransferCreditsWhatArrived() public {
        FeeOnTransferToken fee = new FeeOnTransferToken();
        register(address(fee));
        fee.mint(user, 100 ether);
        vm.startPrank(user);
        fee.approve(address(vault), 100 ether);
        vault.deposit(address(fee), 100 ether, ALICE);
        vm.stopPrank();
        uint256 locked = vault.tokenFlow(address(fee)).locked;
        vm.assertEq(locked, 99 ether);
        vm.assertEq(fee.balanceOf(address(vault)), 99 ether);
    }

    function testExploitRow7_falseReturningTokenRefused() public {
        FalseReturningToken f = new FalseReturningToken();
        register(address(f));
        f.mint(user, 10 ether);
        vm.prank(user);
        vm.expectRevert(abi.encodeWithSelector(SafeERC20.SafeERC20FailedOperation.selector, address(f)));
        vault.deposit(address(f), 10 ether, ALICE);
        vm.assertEq(vault.depositCount(), 0);
    }

    function testExploitRow7_tokenThatMovesNothingRefused() public {
        NoopToken f = new NoopToken();
        register(address(f));
        f.mint(user, 10 ether);
        vm.prank(user);
        vm.expectRevert(IVaultErrors.ZeroAmount.selector);
        vault.deposit(address(f), 10 ether, ALICE);
    }

    function testExploitRow7_noCodeTokenRefused() public {
        address ghost = address(0xDEAD0001);
        register(ghost);
        vm.prank(user);
        vm.expectRevert();
        vault.deposit(ghost, 10 ether, ALICE);
        vm.assertEq(vault.depositCount(), 0);
    }

    function test_plainEthTransferRefused() public {
        vm.prank(user);
        (bool ok,) = address(vault).call{value: 1 ether}("");
        vm.assertFalse(ok);
    }

    function testFuzz_depositCreditsExactly(uint96 amount, bool eth) public {
        amount = uint96(bound(amount, 1, 10_000 ether));
        if (eth) depositEth(amount);
        else depositToken(amount);
        uint256 locked = vault.tokenFlow(eth ? address(0) : address(token)).locked;
        vm.assertEq(locked, amount);
        vm.assertEq(eth ? address(vault).balance : token.balanceOf(address(vault)), amount);
    }

    function testExploitRow7_falseReturningTokenWithNothingLockedPaysNothing() public {
        FalseReturningToken f = new FalseReturningToken();
        register(address(f));
        // pretend locked funds exist through a deposit of a normal token? Not possible: locked is 0,
        // so the accountant refuses first; the payout path reverts through SafeERC20 either way.
        IVaultTypes.Withdrawal[] memory ws = one(withdrawal(address(f), ALICE, 1 ether));
        IVaultTypes.Proof[] memory p = post(ws);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.InsufficientLocked.selector, address(f), 1 ether, 0));
        vault.claim(ws[0], p[0]);
    }
}
