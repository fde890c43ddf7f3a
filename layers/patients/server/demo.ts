// Demo patients for `npm run demo` (BaseModule.seedDemo): thirty people with
// the variety a real list has — accents, missing emails, billing to a
// parent, allergies — created through the service so events and search text
// are exactly as in daily use.
import type { DemoContext } from '#dentalpin'
import { patientCreateSchema } from '../models'
import type { PatientCreateInput } from '../models'
import { createPatient, updateMedicalHistory } from './services/patients'

interface DemoPatient extends PatientCreateInput {
  allergies?: string[]
  medications?: string[]
  conditions?: string[]
}

const PATIENTS: DemoPatient[] = [
  { first_name: 'Lucía', last_name: 'García Martínez', phone: '+34 600 123 456', email: 'lucia.garcia@example.com', date_of_birth: '1985-03-14', gender: 'female', national_id: '12345678Z', national_id_type: 'dni', address: 'Calle de Alcalá 120, 28009 Madrid', allergies: ['Penicillin'] },
  { first_name: 'Javier', last_name: 'Fernández López', phone: '+34 611 234 567', email: 'javier.fernandez@example.com', date_of_birth: '1978-07-02', gender: 'male', national_id: '23456789D', national_id_type: 'dni', medications: ['Enalapril 10 mg'], conditions: ['Hypertension'] },
  { first_name: 'María José', last_name: 'Sánchez Ruiz', phone: '+34 622 345 678', email: 'mjose.sanchez@example.com', date_of_birth: '1992-11-23', gender: 'female' },
  { first_name: 'Álvaro', last_name: 'Gómez Díaz', phone: '+34 633 456 789', date_of_birth: '2012-05-09', gender: 'male', billing_name: 'Carmen Díaz Moreno', billing_tax_id: '34567890V', billing_email: 'carmen.diaz@example.com', notes: 'Minor: appointments with his mother.' },
  { first_name: 'Carmen', last_name: 'Díaz Moreno', phone: '+34 644 567 890', email: 'carmen.diaz@example.com', date_of_birth: '1980-01-30', gender: 'female', national_id: '34567890V', national_id_type: 'dni', allergies: ['Latex'] },
  { first_name: 'Pablo', last_name: 'Muñoz Álvarez', phone: '+34 655 678 901', email: 'pablo.munoz@example.com', date_of_birth: '1969-09-17', gender: 'male', conditions: ['Type 2 diabetes'], medications: ['Metformin 850 mg'] },
  { first_name: 'Elena', last_name: 'Romero Navarro', phone: '+34 666 789 012', email: 'elena.romero@example.com', date_of_birth: '1995-04-05', gender: 'female' },
  { first_name: 'Sergio', last_name: 'Torres Domínguez', phone: '+34 677 890 123', date_of_birth: '1988-12-12', gender: 'male', do_not_contact: true },
  { first_name: 'Laura', last_name: 'Vázquez Ramos', phone: '+34 688 901 234', email: 'laura.vazquez@example.com', date_of_birth: '1990-06-21', gender: 'female', allergies: ['Ibuprofen', 'Aspirin'] },
  { first_name: 'Daniel', last_name: 'Gil Serrano', phone: '+34 699 012 345', email: 'daniel.gil@example.com', date_of_birth: '1975-02-28', gender: 'male', national_id: 'X1234567L', national_id_type: 'nie' },
  { first_name: 'Ana Belén', last_name: 'Blanco Molina', phone: '+34 610 111 222', email: 'anabelen.blanco@example.com', date_of_birth: '1983-08-08', gender: 'female' },
  { first_name: 'Raúl', last_name: 'Castro Ortega', phone: '+34 620 222 333', date_of_birth: '1960-10-10', gender: 'male', conditions: ['Anticoagulated'], medications: ['Acenocoumarol'] },
  { first_name: 'Marta', last_name: 'Rubio Delgado', phone: '+34 630 333 444', email: 'marta.rubio@example.com', date_of_birth: '2001-03-03', gender: 'female' },
  { first_name: 'Iñigo', last_name: 'Etxeberria Goñi', phone: '+34 640 444 555', email: 'inigo.etxeberria@example.com', date_of_birth: '1987-05-19', gender: 'male' },
  { first_name: 'Nuria', last_name: 'Marín Iglesias', phone: '+34 650 555 666', email: 'nuria.marin@example.com', date_of_birth: '1972-07-07', gender: 'female', allergies: ['Chlorhexidine'] },
  { first_name: 'Jorge', last_name: 'Santos Herrera', phone: '+34 660 666 777', date_of_birth: '1999-09-09', gender: 'male' },
  { first_name: 'Cristina', last_name: 'Ortiz Medina', phone: '+34 670 777 888', email: 'cristina.ortiz@example.com', date_of_birth: '1993-01-15', gender: 'female', billing_name: 'Ortiz Asesores S.L.', billing_tax_id: 'B87654321', billing_address: 'Paseo de la Castellana 200, 28046 Madrid' },
  { first_name: 'Andrés', last_name: 'Núñez Cabrera', phone: '+34 680 888 999', email: 'andres.nunez@example.com', date_of_birth: '1981-04-22', gender: 'male' },
  { first_name: 'Paula', last_name: 'Garrido Prieto', phone: '+34 690 999 000', email: 'paula.garrido@example.com', date_of_birth: '2015-12-01', gender: 'female', notes: 'Orthodontic check every six months.' },
  { first_name: 'Miguel Ángel', last_name: 'Peña Calvo', phone: '+34 601 010 101', date_of_birth: '1955-06-30', gender: 'male', conditions: ['Pacemaker'] },
  { first_name: 'Sofía', last_name: 'Lozano Vega', phone: '+34 602 020 202', email: 'sofia.lozano@example.com', date_of_birth: '1997-02-14', gender: 'female' },
  { first_name: 'David', last_name: 'Cano Fuentes', phone: '+34 603 030 303', email: 'david.cano@example.com', date_of_birth: '1984-11-11', gender: 'male', allergies: ['Amoxicillin'] },
  { first_name: 'Irene', last_name: 'Méndez Carrasco', phone: '+34 604 040 404', email: 'irene.mendez@example.com', date_of_birth: '1991-10-03', gender: 'female' },
  { first_name: 'Óscar', last_name: 'Reyes Pascual', phone: '+34 605 050 505', date_of_birth: '1970-03-25', gender: 'male' },
  { first_name: 'Emma', last_name: 'Thompson', phone: '+44 7700 900123', email: 'emma.thompson@example.co.uk', date_of_birth: '1986-08-16', gender: 'female', national_id: '533401372', national_id_type: 'passport' },
  { first_name: 'Oliver', last_name: 'Smith', phone: '+44 7700 900456', email: 'oliver.smith@example.co.uk', date_of_birth: '1979-05-05', gender: 'male', allergies: ['Penicillin'] },
  { first_name: 'Rocío', last_name: 'Herrero Soto', phone: '+34 606 060 606', email: 'rocio.herrero@example.com', date_of_birth: '1994-07-27', gender: 'female' },
  { first_name: 'Hugo', last_name: 'Vidal Campos', phone: '+34 607 070 707', date_of_birth: '2010-01-20', gender: 'male', billing_name: 'Rocío Herrero Soto', billing_email: 'rocio.herrero@example.com' },
  { first_name: 'Beatriz', last_name: 'León Guerrero', phone: '+34 608 080 808', email: 'beatriz.leon@example.com', date_of_birth: '1966-12-24', gender: 'female', medications: ['Levothyroxine 50 mcg'], conditions: ['Hypothyroidism'] },
  { first_name: 'Tomás', last_name: 'Aguilar Benítez', phone: '+34 609 090 909', email: 'tomas.aguilar@example.com', date_of_birth: '1989-09-29', gender: 'male' },
]

export async function seedPatientsDemo(ctx: DemoContext): Promise<void> {
  const author = { clinicId: ctx.clinicId, userId: ctx.users.dentist ?? ctx.users.admin! }
  for (const [i, { allergies, medications, conditions, ...fields }] of PATIENTS.entries()) {
    const patient = await createPatient(ctx.db, ctx.clinicId, patientCreateSchema.parse(fields))
    // Every third patient without allergies was asked ("none known"); the rest were not yet.
    const noKnownAllergies = !allergies && i % 3 === 0 ? true : undefined
    if (allergies || medications || conditions || noKnownAllergies) {
      await updateMedicalHistory(ctx.db, author, patient.id, { allergies, medications, conditions, no_known_allergies: noKnownAllergies })
    }
  }
  ctx.logger.info(`demo: ${PATIENTS.length} patients`)
}
