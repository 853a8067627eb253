export { type ContractCase, seenStoreContract } from "./seen-store-contract.ts";
export { type SyntheticOrg, type SyntheticOrgOptions, syntheticOrg } from "./synthetic-org.ts";
