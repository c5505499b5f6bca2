// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @dev An ETH recipient that re-enters the vault when paid and records what happened.
contract ReentrantRecipient {
    address public target;
    bytes public callData;
    bool public reentered;
    bool public reentrySucceeded;
    bytes public reentryError;
    uint256 public received;

    function setHook(address target_, bytes calldata callData_) external {
        target = target_;
        callData = callData_;
    }

    /// @dev Lets the test act as this contract (e.g. pull what the vault owes it).
    function callTarget(address to, bytes calldata data) external returns (bool ok, bytes memory ret) {
        (ok, ret) = to.call(data);
        require(ok, "call failed");
    }

    receive() external payable {
        received += msg.value;
        if (target != address(0) && !reentered) {
            reentered = true;
            (reentrySucceeded, reentryError) = target.call(callData);
        }
    }
}

/// @dev An ETH recipient that always reverts.
contract RejectingRecipient {
    receive() external payable {
        revert("no");
    }
}

/// @dev An ETH recipient that burns every unit of gas it is given.
contract GasBurningRecipient {
    uint256 public sink;

    receive() external payable {
        while (true) {
            sink++;
        }
    }
}

/// @dev An ETH recipient that accepts the payment and answers with 50 KB of return data (a
///      "return bomb": a caller that copies return data pays for the memory).
contract ReturnBombRecipient {
    receive() external payable {
        assembly {
            return(0, 50000)
        }
    }
}
