import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"

export const exchangeOAuthCodeStepId = "exchange-aliexpress-oauth-code"

export type ExchangeOAuthCodeInput = { account_id: string; code: string }

/** Trades the one-time authorization code for tokens and stores them on the account. */
export const exchangeOAuthCodeStep = createStep(
  exchangeOAuthCodeStepId,
  async (input: ExchangeOAuthCodeInput, { container }) => {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const account = await service.retrieveAliExpressAccount(input.account_id)
    let tokens
    try {
      tokens = await service.getClient(account).createToken(input.code)
    } catch (error: any) {
      // The code is single-use: say what AliExpress said so the merchant can simply try again.
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `AliExpress refused the authorization: ${error?.message ?? "unknown error"}`
      )
    }
    // One seller, one account: a second account on the same seller would import its orders twice.
    const owner = tokens.sellerId ? await service.findAccountBySeller(String(tokens.sellerId)) : null
    if (owner && owner.id !== account.id) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `This AliExpress seller (${tokens.userNick ?? tokens.sellerId}) is already connected as the account "${owner.name}": sign in as another seller`
      )
    }
    await service.saveTokens(account.id, tokens)
    return new StepResponse({
      account_id: account.id,
      seller_id: tokens.sellerId ?? null,
      seller_nick: tokens.userNick ?? null,
      access_token_expires_at: tokens.accessTokenExpiresAt,
    })
  }
)
