/**
 * The people of the demo organization "Northwind Labs": a management chain from the
 * CEO down, ten departments, two super admins, a few suspended and departed people,
 * two people with the same name, and a few people with no manager.
 */

export const DEMO_DOMAIN = "northwind.example";
/** The domain Northwind used before its rebrand; some app accounts still carry it. */
export const DEMO_LEGACY_DOMAIN = "northwindlabs.io";

export const DEPARTMENTS = [
  "Engineering",
  "Sales",
  "Marketing",
  "Finance",
  "People",
  "IT",
  "Security",
  "Support",
  "Design",
  "Legal",
] as const;

export type Department = (typeof DEPARTMENTS)[number] | "Executive";

export interface DemoPerson {
  /** Stable handle: the local part of the email. */
  key: string;
  givenName: string;
  familyName: string;
  email: string;
  title: string;
  department: Department;
  /** Key of the manager; null: no manager. */
  manager: string | null;
  status: "ACTIVE" | "SUSPENDED" | "DEPROVISIONED";
  role: "SUPER_ADMIN" | "AUDITOR" | "MEMBER";
}

/** ASCII email local-part of a name: accents dropped, apostrophes and spaces removed. */
export function emailSlug(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’\s]+/g, "")
    .replace(/[^a-z0-9-]/g, "");
}

interface Options {
  status?: DemoPerson["status"];
  role?: DemoPerson["role"];
  /** Local part, when first.last is taken. */
  local?: string;
}

type Row = [
  name: string,
  title: string,
  department: Department,
  manager: string | null,
  options?: Options,
];

// "Given Family"; a "|" separates the two where either has a space.
const ROWS: Row[] = [
  // Executive team
  ["Olivia Bennett", "Chief Executive Officer", "Executive", null],
  ["James Whitfield", "Chief Operating Officer", "Executive", "olivia.bennett"],
  ["Eleanor Whitmore", "Strategic Advisor to the CEO", "Executive", null],

  // Engineering
  ["Rahul Mehta", "Chief Technology Officer", "Engineering", "olivia.bennett"],
  ["Grace Nakamura", "VP of Engineering", "Engineering", "rahul.mehta"],
  ["Robert Anderson", "Principal Engineer", "Engineering", "grace.nakamura"],
  ["Monica Alvarado", "Technical Program Manager", "Engineering", "grace.nakamura"],
  ["Hannah Okafor", "Engineering Manager, Platform", "Engineering", "grace.nakamura"],
  ["Jordan Lee", "Software Engineer II", "Engineering", "hannah.okafor"],
  ["Sam Taylor", "Site Reliability Engineer", "Engineering", "hannah.okafor"],
  ["Nikhil Reddy", "Senior Software Engineer", "Engineering", "hannah.okafor"],
  ["Emma Johansson", "Staff Software Engineer", "Engineering", "hannah.okafor"],
  ["Kofi Boateng", "Site Reliability Engineer", "Engineering", "hannah.okafor"],
  ["Yuki Tanaka", "Software Engineer", "Engineering", "hannah.okafor"],
  ["Diego Alvarez", "Senior Site Reliability Engineer", "Engineering", "hannah.okafor"],
  ["Chloe Martin", "Software Engineer", "Engineering", "hannah.okafor"],
  ["Arjun Patel", "DevOps Engineer", "Engineering", "hannah.okafor"],
  ["Zoë Müller", "Senior Software Engineer", "Engineering", "hannah.okafor"],
  ["Jonas Becker", "Software Engineer", "Engineering", "hannah.okafor"],
  ["Mateo Fernández", "Engineering Manager, Web", "Engineering", "grace.nakamura"],
  ["Ethan Walker", "Senior Frontend Engineer", "Engineering", "mateo.fernandez"],
  ["Mei Lin", "Software Engineer", "Engineering", "mateo.fernandez"],
  ["Oluwaseun Adeyemi", "Senior Software Engineer", "Engineering", "mateo.fernandez"],
  [
    "Isabella Rossi",
    "Frontend Engineer",
    "Engineering",
    "mateo.fernandez",
    { status: "SUSPENDED" },
  ],
  [
    "Noah Goldstein",
    "Software Engineer",
    "Engineering",
    "mateo.fernandez",
    { status: "DEPROVISIONED" },
  ],
  ["Amara Nwosu", "QA Engineer", "Engineering", "mateo.fernandez"],
  ["Liam O'Brien", "Software Engineer II", "Engineering", "mateo.fernandez"],
  ["Hana Kobayashi", "Senior Software Engineer", "Engineering", "mateo.fernandez"],
  ["Gabriel Santos", "Software Engineer", "Engineering", "mateo.fernandez"],
  ["Ava Thompson", "Staff Software Engineer", "Engineering", "mateo.fernandez"],
  ["Ravi Iyer", "Software Engineer", "Engineering", "mateo.fernandez"],
  ["Aisha Rahman", "Engineering Manager, Mobile", "Engineering", "grace.nakamura"],
  ["Jin-woo Park", "Senior iOS Engineer", "Engineering", "aisha.rahman"],
  ["Sara Lindqvist", "Android Engineer", "Engineering", "aisha.rahman"],
  ["Tobias Weber", "iOS Engineer", "Engineering", "aisha.rahman"],
  ["Nadia Hassan", "Senior Android Engineer", "Engineering", "aisha.rahman"],
  ["Kenji Watanabe", "Mobile QA Engineer", "Engineering", "aisha.rahman"],
  ["Lena Kowalski", "Software Engineer, Mobile", "Engineering", "aisha.rahman"],
  ["Andrés Castillo", "React Native Engineer", "Engineering", "aisha.rahman"],
  ["Fernando Ruiz", "Android Engineer", "Engineering", "aisha.rahman"],
  ["Lukas Schmidt", "Engineering Manager, Data", "Engineering", "grace.nakamura"],
  ["Fiona MacLeod", "Senior Data Engineer", "Engineering", "lukas.schmidt"],
  ["Hamza Qureshi", "Data Engineer", "Engineering", "lukas.schmidt"],
  ["Valentina Cruz", "Analytics Engineer", "Engineering", "lukas.schmidt"],
  ["Samuel Osei", "Data Engineer", "Engineering", "lukas.schmidt"],
  ["Julia Novak", "Machine Learning Engineer", "Engineering", "lukas.schmidt"],
  ["Wei Zhang", "Senior Data Engineer", "Engineering", "lukas.schmidt"],
  ["Tariq Aziz", "Data Analyst", "Engineering", "lukas.schmidt"],
  ["Leah Friedman", "Data Scientist", "Engineering", "lukas.schmidt"],

  // Security
  ["Priya Shah", "Security Lead", "Security", "rahul.mehta", { role: "SUPER_ADMIN" }],
  ["Benjamin Carter", "Senior Security Engineer", "Security", "priya.shah"],
  ["Daniela Costa", "Security Engineer", "Security", "priya.shah"],
  ["Yasmin Farouk", "GRC Analyst", "Security", "priya.shah"],
  ["Patrick Doyle", "Security Operations Analyst", "Security", "priya.shah"],

  // Design
  ["Camille Dubois", "Head of Design", "Design", "rahul.mehta"],
  ["Maya Goldman", "Senior Product Designer", "Design", "camille.dubois"],
  ["Felix Hartmann", "Product Designer", "Design", "camille.dubois"],
  ["Inês Carvalho", "UX Researcher", "Design", "camille.dubois"],
  ["Theo Nguyen", "Product Designer", "Design", "camille.dubois"],
  ["Riya Kapoor", "Brand Designer", "Design", "camille.dubois"],
  ["Oscar Lindgren", "Design Systems Designer", "Design", "camille.dubois"],

  // Sales
  ["Brian O'Connor", "VP of Sales", "Sales", "olivia.bennett"],
  ["Daniel Kim", "Sales Operations Manager", "Sales", "brian.oconnor"],
  ["Megan Clarke", "Sales Operations Analyst", "Sales", "daniel.kim"],
  ["Raj Malhotra", "Revenue Operations Analyst", "Sales", "daniel.kim"],
  ["Rebecca Goldberg", "Regional Sales Director, Enterprise", "Sales", "brian.oconnor"],
  ["Sam Taylor", "Account Executive", "Sales", "rebecca.goldberg", { local: "sam.taylor2" }],
  [
    "Michael Brennan",
    "Senior Account Executive",
    "Sales",
    "rebecca.goldberg",
    { status: "DEPROVISIONED" },
  ],
  ["Jessica Huang", "Enterprise Account Executive", "Sales", "rebecca.goldberg"],
  ["David Cohen", "Enterprise Account Executive", "Sales", "rebecca.goldberg"],
  ["Priscilla Adjei", "Account Executive", "Sales", "rebecca.goldberg"],
  ["Tyler Morrison", "Solutions Engineer", "Sales", "rebecca.goldberg"],
  ["Rachel Stein", "Solutions Engineer", "Sales", "rebecca.goldberg"],
  ["Hugo Moreau", "Account Executive", "Sales", "rebecca.goldberg"],
  ["Carlos Mendoza", "Sales Manager, Mid-Market", "Sales", "brian.oconnor"],
  ["Ashley Robinson", "Account Executive", "Sales", "carlos.mendoza"],
  ["Kevin O'Donnell", "Account Executive", "Sales", "carlos.mendoza"],
  ["Mariana Silva", "Account Executive", "Sales", "carlos.mendoza"],
  ["Jamal Washington", "Account Executive", "Sales", "carlos.mendoza"],
  ["Lauren Fitzgerald", "Account Executive", "Sales", "carlos.mendoza"],
  ["Ahmed Karimi", "Account Executive", "Sales", "carlos.mendoza"],
  ["Olga Sokolova", "Account Executive", "Sales", "carlos.mendoza"],
  ["Tiffany Nguyen", "Sales Development Manager", "Sales", "brian.oconnor"],
  ["Connor Murphy", "Sales Development Representative", "Sales", "tiffany.nguyen"],
  ["Aaliyah Johnson", "Sales Development Representative", "Sales", "tiffany.nguyen"],
  ["Matteo Bianchi", "Sales Development Representative", "Sales", "tiffany.nguyen"],
  ["Sienna Howard", "Sales Development Representative", "Sales", "tiffany.nguyen"],
  ["Dylan Price", "Sales Development Representative", "Sales", "tiffany.nguyen"],
  ["Anjali Desai", "Sales Development Representative", "Sales", "tiffany.nguyen"],
  ["Brandon Lewis", "Sales Development Representative", "Sales", "tiffany.nguyen"],

  // Marketing
  ["Natalie Brooks", "VP of Marketing", "Marketing", "olivia.bennett"],
  ["Omar Haddad", "Demand Generation Manager", "Marketing", "natalie.brooks"],
  ["Lily Zhou", "Marketing Operations Specialist", "Marketing", "omar.haddad"],
  ["Ben Harper", "Growth Marketing Manager", "Marketing", "omar.haddad"],
  ["Carmen Ortiz", "Content Marketing Manager", "Marketing", "omar.haddad"],
  [
    "Jack Sullivan",
    "Paid Acquisition Specialist",
    "Marketing",
    "omar.haddad",
    { status: "SUSPENDED" },
  ],
  ["Nora Lindberg", "Events Manager", "Marketing", "omar.haddad"],
  ["Hiroshi Yamamoto", "Marketing Web Developer", "Marketing", "omar.haddad"],
  ["Ingrid Larsen", "Director of Product Marketing", "Marketing", "natalie.brooks"],
  ["Victor Okonkwo", "Product Marketing Manager", "Marketing", "ingrid.larsen"],
  ["Elise Fournier", "Product Marketing Manager", "Marketing", "ingrid.larsen"],
  ["Zainab Bello", "Customer Marketing Manager", "Marketing", "ingrid.larsen"],
  ["Kavya Menon", "Contract Technical Writer", "Marketing", null],

  // Finance
  ["Victoria Ashworth", "Chief Financial Officer", "Finance", "olivia.bennett"],
  ["Kwame Mensah", "Controller", "Finance", "victoria.ashworth"],
  ["Helen Rasmussen", "Senior Accountant", "Finance", "kwame.mensah"],
  [
    "Paolo Greco",
    "Accounts Payable Specialist",
    "Finance",
    "kwame.mensah",
    { status: "DEPROVISIONED" },
  ],
  ["Nicole Brandt", "Accounts Receivable Specialist", "Finance", "kwame.mensah"],
  ["Aditya Rao", "Finance Systems Analyst", "Finance", "kwame.mensah"],
  ["Yusuf Demir", "Payroll Specialist", "Finance", "kwame.mensah"],
  ["Sean McCarthy", "Billing Specialist", "Finance", "kwame.mensah"],
  ["Elena Petrova", "FP&A Manager", "Finance", "victoria.ashworth"],
  ["Jonah Feldman", "Financial Analyst", "Finance", "elena.petrova"],
  ["Chiara Conti", "Senior Financial Analyst", "Finance", "elena.petrova"],
  // Internal audit: reads everything in Lantern for the SOX and SOC 2 evidence, changes nothing.
  ["Avery Auditor", "Internal Auditor", "Finance", "victoria.ashworth", { role: "AUDITOR" }],

  // IT
  ["Alex Rivera", "IT Director", "IT", "james.whitfield", { role: "SUPER_ADMIN" }],
  ["Marcus Chen", "IT Systems Administrator", "IT", "alex.rivera"],
  ["Keisha Williams", "IT Support Specialist", "IT", "alex.rivera"],
  ["Luca Moretti", "IT Support Specialist", "IT", "alex.rivera"],
  ["Ana Jovanović", "IT Support Engineer", "IT", "alex.rivera"],

  // Support
  ["Fatima Al-Sayed", "Head of Customer Support", "Support", "james.whitfield"],
  ["Tom Fischer", "Support Manager", "Support", "fatima.al-sayed"],
  ["Emily Watson", "Customer Support Specialist", "Support", "tom.fischer"],
  ["Jorge Ramírez", "Customer Support Specialist", "Support", "tom.fischer"],
  ["Chidi Okeke", "Senior Customer Support Specialist", "Support", "tom.fischer"],
  ["Rosa Delgado", "Customer Support Specialist", "Support", "tom.fischer"],
  ["Min-jun Choi", "Customer Support Specialist", "Support", "tom.fischer"],
  [
    "Erik Nilsson",
    "Customer Support Specialist",
    "Support",
    "tom.fischer",
    { status: "DEPROVISIONED" },
  ],
  ["Bianca Ferreira", "Customer Support Specialist", "Support", "tom.fischer"],
  ["Nkechi Eze", "Customer Support Specialist", "Support", "tom.fischer"],
  ["Lucía Romero", "Support Manager", "Support", "fatima.al-sayed"],
  ["Aiden Kelly", "Customer Support Specialist", "Support", "lucia.romero"],
  ["Mariam Yusuf", "Customer Support Specialist", "Support", "lucia.romero"],
  ["Pierre Lefebvre", "Technical Support Engineer", "Support", "lucia.romero"],
  [
    "Tanya Ivanova",
    "Customer Support Specialist",
    "Support",
    "lucia.romero",
    { status: "SUSPENDED" },
  ],
  ["Xavier Dumont", "Customer Support Specialist", "Support", "lucia.romero"],
  ["Grace Achieng", "Customer Support Specialist", "Support", "lucia.romero"],
  ["Dmitri Volkov", "Technical Support Engineer", "Support", "lucia.romero"],
  ["Beatriz Souza", "Support Operations Specialist", "Support", "fatima.al-sayed"],
  ["Ibrahim Diallo", "Senior Technical Support Engineer", "Support", "fatima.al-sayed"],

  // Legal
  ["Margaret O'Neill", "General Counsel", "Legal", "olivia.bennett"],
  ["Jonathan Pierce", "Corporate Counsel", "Legal", "margaret.oneill"],
  ["Anika Sharma", "Privacy Counsel", "Legal", "margaret.oneill"],
  ["Claire Donovan", "Paralegal", "Legal", "margaret.oneill"],

  // People
  ["Sophie Laurent", "VP of People", "People", "olivia.bennett"],
  ["Gwen Harrison", "Senior HR Business Partner", "People", "sophie.laurent"],
  ["Tomás Herrera", "Talent Acquisition Lead", "People", "sophie.laurent"],
  ["Keiko Sato", "Technical Recruiter", "People", "tomas.herrera"],
  ["Dominic Walsh", "Recruiter", "People", "tomas.herrera"],
  ["Jasmine Ali", "Recruiting Coordinator", "People", "tomas.herrera"],
  ["Marisol Vega", "HRIS Analyst", "People", "sophie.laurent"],
  ["Anthony Russo", "People Operations Specialist", "People", "sophie.laurent"],
];

function splitName(name: string): [string, string] {
  if (name.includes("|")) {
    const [given, family] = name.split("|");
    return [given!.trim(), family!.trim()];
  }
  const space = name.indexOf(" ");
  return [name.slice(0, space), name.slice(space + 1)];
}

export const DEMO_ROSTER: readonly DemoPerson[] = ROWS.map(
  ([name, title, department, manager, options = {}]) => {
    const [givenName, familyName] = splitName(name);
    const key = options.local ?? `${emailSlug(givenName)}.${emailSlug(familyName)}`;
    return {
      key,
      givenName,
      familyName,
      email: `${key}@${DEMO_DOMAIN}`,
      title,
      department,
      manager,
      status: options.status ?? "ACTIVE",
      role: options.role ?? "MEMBER",
    };
  },
);

/** The people to sign in as in the demo, and why you would pick each. */
export const DEMO_PEOPLE = {
  superAdmin: `alex.rivera@${DEMO_DOMAIN}`,
  securityAdmin: `priya.shah@${DEMO_DOMAIN}`,
  provisioner: `marcus.chen@${DEMO_DOMAIN}`,
  manager: `hannah.okafor@${DEMO_DOMAIN}`,
  appOwner: `daniel.kim@${DEMO_DOMAIN}`,
  employee: `jordan.lee@${DEMO_DOMAIN}`,
  auditor: `avery.auditor@${DEMO_DOMAIN}`,
} as const;

export type DemoPersonRole = keyof typeof DEMO_PEOPLE;

export interface DemoSignInPerson {
  role: DemoPersonRole;
  email: string;
  name: string;
  title: string;
  /** One sentence for the sign-in page: why you would sign in as them. */
  description: string;
}

export const DEMO_SIGN_IN_PEOPLE: readonly DemoSignInPerson[] = [
  {
    role: "superAdmin",
    email: DEMO_PEOPLE.superAdmin,
    name: "Alex Rivera",
    title: "IT Director",
    description:
      "Super admin: sees every app, account and task in Northwind Labs, edits policies and settings, and can act on anyone's task.",
  },
  {
    role: "securityAdmin",
    email: DEMO_PEOPLE.securityAdmin,
    name: "Priya Shah",
    title: "Security Lead",
    description:
      "The second super admin and the named approver of the Security review policy: privileged requests wait for her.",
  },
  {
    role: "provisioner",
    email: DEMO_PEOPLE.provisioner,
    name: "Marcus Chen",
    title: "IT Systems Administrator",
    description:
      "Provisions and deprovisions GitHub, Slack, Zoom, Jira and Okta by hand: his Requests and Revocations inboxes are full.",
  },
  {
    role: "manager",
    email: DEMO_PEOPLE.manager,
    name: "Hannah Okafor",
    title: "Engineering Manager, Platform",
    description:
      "Manages the Platform team: approves her reports' access requests and can revoke their access.",
  },
  {
    role: "appOwner",
    email: DEMO_PEOPLE.appOwner,
    name: "Daniel Kim",
    title: "Sales Operations Manager",
    description:
      "Owns Salesforce, which has no provisioners, so he approves and provisions its access himself and manages its accounts.",
  },
  {
    role: "employee",
    email: DEMO_PEOPLE.employee,
    name: "Jordan Lee",
    title: "Software Engineer II",
    description:
      "An ordinary member: sees their own accounts and requests, and has access requests in flight.",
  },
  {
    role: "auditor",
    email: DEMO_PEOPLE.auditor,
    name: "Avery Auditor",
    title: "Internal Auditor",
    description:
      "Auditor: reads everything (apps, accounts, grants, people, policies, settings, the audit log and its exports) and changes nothing.",
  },
];
