import { decodeTime } from "ulid"
import { generateEntityId } from "@medusajs/framework/utils"
import { entityIds } from "../../../src/modules/aliexpress/lib/entity-ids"

describe("entityIds", () => {
  it("gives as many distinct ids as asked, in generateEntityId's form, stamped with the time", () => {
    const before = Date.now()
    const ids = entityIds("aelst", 5000)
    const medusa = generateEntityId(undefined, "aelst")

    expect(ids).toHaveLength(5000)
    expect(new Set(ids).size).toBe(5000)
    const form = /^aelst_[0-9A-HJKMNP-TV-Z]{26}$/
    expect(medusa).toMatch(form)
    expect(ids.every((id) => form.test(id))).toBe(true)
    const stamped = decodeTime(ids[0].slice("aelst_".length))
    expect(stamped).toBeGreaterThanOrEqual(before)
    expect(stamped).toBeLessThanOrEqual(Date.now())
  })

  it("draws every random character, not one shared tail", () => {
    const tails = new Set(entityIds("x", 2000).map((id) => id.slice(-16)))
    expect(tails.size).toBe(2000)
    expect(entityIds("x", 0)).toEqual([])
  })
})
