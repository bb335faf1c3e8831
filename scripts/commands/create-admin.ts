import { inviteUser, tokenLink } from "../../app/data/people.server";
import { db } from "../../app/db.server";
import { looksLikeEmail, MAX_NAME_LENGTH, normaliseEmailAddress } from "../../app/domain/people";
import { EXIT, type Command } from "./command";

/**
 * The first admin of a new portal (and any later one, from a script): an invitation to MOPAC as an
 * admin, made by the same code as the admin pages. The link is printed as well as emailed, because on
 * a new machine the mail settings may not be working yet; it sets the password once, within 7 days.
 */
const createAdmin: Command = {
  name: "create-admin",
  usesSchema: true,
  describe: "create-admin <email> <full name>: invites a MOPAC admin and prints the link that sets their password.",
  async run(args) {
    const [emailTyped, ...nameWords] = args;
    const name = nameWords.join(" ").trim();
    if (!emailTyped || name === "") {
      console.error('Usage: create-admin <email> <full name>, for example create-admin ana@mopac.org.uk "Ana Cruz"');
      return EXIT.usage;
    }
    const email = normaliseEmailAddress(emailTyped);
    if (!looksLikeEmail(email)) {
      console.error(`“${emailTyped}” is not an email address.`);
      return EXIT.usage;
    }
    if (name.length > MAX_NAME_LENGTH) {
      console.error(`The name must be ${MAX_NAME_LENGTH} characters or fewer.`);
      return EXIT.usage;
    }
    const mopac = await db().selectFrom("organisations").select("id").where("kind", "=", "mopac").executeTakeFirst();
    if (!mopac) {
      console.error("The database has no MOPAC organisation: run the migrations and load the reference data first.");
      return EXIT.failed;
    }
    const invited = await inviteUser(
      db(),
      { email, name, organisationId: mopac.id, role: "mopac_admin", canEndorse: 0 },
      null,
    );
    if (!invited.ok) {
      console.error(`${email}: ${invited.message}.`);
      return EXIT.failed;
    }
    console.log(`Invited ${name} <${email}> as a MOPAC admin. The invitation email is queued.`);
    console.log(`Their link to set a password (works once, for 7 days):\n${tokenLink("invitation", invited.token)}`);
    return EXIT.ok;
  },
};

export default createAdmin;
