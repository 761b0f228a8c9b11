/**
 * Interface words in Spanish (neutral Latin American Spanish, formal "usted").
 * Same keys and {placeholders} as en.ts; content words (questions, roles) live in
 * src/content/locales/es.json. tests/unit/content/i18n-completeness.test.ts checks both.
 */
import type en from './en'

/** The shape of en.ts with every text widened to string, so a translation must keep every key. */
type Messages<T> = { readonly [K in keyof T]: T[K] extends string ? string : Messages<T[K]> }

export default {
  app: {
    // Kept in English on purpose: it is the product's name, as on the desktop shortcut and the window.
    name: 'Health IT Role Finder',
    skipToContent: 'Saltar al contenido principal',
    language: {
      label: 'Idioma',
      other: 'English',
      otherCode: 'en',
      otherHint: 'View in English',
    },
    nav: { home: 'Inicio', roles: 'Conozca los roles' },
    footer: 'Sus respuestas se quedan en esta computadora. No se envía nada por internet.',
    saveFailed: 'No se pudieron guardar sus respuestas en esta computadora. Puede continuar, pero se perderán si cierra la aplicación.',
  },
  welcome: {
    title: 'Encuentre el rol de TI de salud adecuado para usted',
    lead: 'Responda unas 30 preguntas cortas sobre sus licencias, su trabajo hasta ahora y lo que le gusta hacer. Le mostraremos cuál de los seis roles de tecnología de la información (TI) de salud es el más adecuado para usted y qué capacitación requiere.',
    points: {
      time: 'Toma unos 10 minutos.',
      explore: 'Es una forma de explorar carreras. No es un examen ni una decisión de contratación.',
      private: 'Sus respuestas se quedan en esta computadora. Puede volver a empezar en cualquier momento, y eso las borra.',
    },
    start: 'Comenzar la evaluación',
    resume: 'Continuar donde lo dejó',
    startOverInstead: 'Mejor volver a empezar',
    exploreRoles: 'O lea primero sobre los seis roles',
    source: 'Los seis roles vienen de la Oficina del Coordinador Nacional de Tecnología de la Información de Salud (ONC, por sus siglas en inglés), que forma parte del Departamento de Salud y Servicios Humanos de los EE. UU.',
  },
  question: {
    progress: 'Pregunta {current} de {total}',
    progressLabel: 'Progreso',
    section: 'Parte {number} de 3: {title}',
    chooseOne: 'Elija una opción.',
    chooseAll: 'Elija todas las opciones que correspondan.',
    back: 'Atrás',
    next: 'Siguiente',
    toReview: 'Revisar mis respuestas',
    errorTitle: 'Hay un problema',
    errorPrefix: 'Error:',
    errors: {
      missing: 'Elija una respuesta para continuar.',
      missingMultiple: 'Elija al menos una respuesta para continuar.',
      invalid: 'Esta respuesta no es una de las opciones. Elija otra vez.',
    },
  },
  review: {
    title: 'Revise sus respuestas',
    lead: 'Puede cambiar cualquier respuesta antes de ver su resultado.',
    change: 'Cambiar',
    changeAnswer: 'Cambiar su respuesta a la pregunta: {question}',
    notAnswered: 'Sin responder',
    seeResult: 'Ver mi resultado',
    incomplete: 'Todavía hay preguntas sin responder.',
    goToOpen: 'Ir a la primera',
  },
  results: {
    title: 'Su resultado',
    notReady: 'Responda todas las preguntas para ver su resultado.',
    continue: 'Continuar con las preguntas',
    bestFit: 'Su mejor opción',
    equalBest: 'Estos roles son igual de adecuados para usted:',
    fit: 'Compatibilidad: {fit} de 100',
    fitShort: '{fit} de 100',
    whatWork: 'En qué consiste el trabajo',
    fromOnc: 'Según la descripción de este rol que hizo la ONC',
    background: 'Preparación que se espera para este rol',
    backgroundOurs: 'Los materiales de la ONC que pudimos revisar no indican qué preparación se espera para este rol. Los puntos de abajo son una sugerencia nuestra.',
    training: {
      title: 'Capacitación',
      ready: 'Parece que usted tiene la preparación que se espera para este rol. Los expertos de la ONC calcularon que la capacitación para estos roles tomaría seis meses o menos en el caso de personas con una preparación adecuada.',
      gaps: 'Los expertos de la ONC calcularon que la capacitación para estos roles tomaría seis meses o menos en el caso de personas que llegan con una preparación adecuada. Es posible que primero necesite completar lo que le falta (vea abajo), así que la capacitación podría tomar más tiempo.',
      met: 'Ya lo tiene',
      notMet: 'Todavía no',
      helps: 'Ayuda, pero no es obligatorio',
      howToClose: 'Cómo completar lo que falta:',
      ours: 'Sugerencia nuestra, no de la ONC',
    },
    exam: 'Para este rol se creó un examen de competencias: {exam}. Averigüe si todavía se ofrece antes de planear tomarlo.',
    jobTitles: 'Puestos de trabajo que puede ver hoy',
    jobTitlesNote: 'Esta relación entre los puestos de hoy y este rol es nuestra, no de la ONC. Entre paréntesis va el nombre en inglés, como suele aparecer en los anuncios de empleo.',
    why: {
      title: 'Por qué este rol es adecuado para usted',
      caption: 'Cómo se calculó su compatibilidad de {fit}',
      startingPoint: 'Punto de partida, si ninguna respuesta contara a favor o en contra de este rol',
      raised: 'Respuestas que subieron la compatibilidad',
      lowered: 'Respuestas que bajaron la compatibilidad',
      none: 'Ninguna',
      other: 'Todas sus demás respuestas juntas',
      total: 'Su compatibilidad',
      answer: 'Su respuesta',
      points: 'Puntos',
      question: 'Pregunta',
    },
    close: {
      title: 'Otros roles muy cerca',
      text: 'Estos roles son casi igual de adecuados para usted: {roles}. En los proveedores de la red de seguridad, donde los recursos pueden ser limitados, una misma persona puede ocupar varios de estos roles.',
    },
    caution: {
      title: 'Es posible que este resultado no sea confiable',
      sameAnswers: 'Usted dio la misma respuesta a las {count} preguntas sobre lo que le gusta hacer. Intente responderlas otra vez y piense en cada una por separado.',
      manyUnsure: 'Respondió “No estoy seguro(a)” en {count} de {of} preguntas sobre lo que le gusta hacer. Su resultado puede cambiar a medida que aprenda más sobre estos tipos de trabajo.',
    },
    all: {
      title: 'Los seis roles',
      lead: 'Compatibilidad de 0 a 100. Un número más alto quiere decir que sus respuestas se parecen más al rol.',
      rank: 'Lugar',
      role: 'Rol',
      fit: 'Compatibilidad',
      equal: 'Empate',
      notEligible: 'Requiere una licencia clínica o de salud pública activa',
      showTable: 'Mostrar estos resultados en una tabla',
      tableCaption: 'Compatibilidad con cada uno de los seis roles',
      learnMore: 'Sobre este rol',
    },
    actions: {
      review: 'Revisar mis respuestas',
      print: 'Imprimir este resultado',
      startOver: 'Volver a empezar',
    },
  },
  startOver: {
    confirmTitle: '¿Volver a empezar?',
    confirmText: 'Esto borra de esta computadora todas sus respuestas y su resultado.',
    confirm: 'Sí, borrar y volver a empezar',
    cancel: 'No, regresar',
  },
  roles: {
    title: 'Los seis roles de TI de salud',
    lead: 'Cada rol ayuda a clínicas, hospitales y departamentos de salud a usar expedientes médicos electrónicos (EHR, por sus siglas en inglés) y otras herramientas de TI de salud.',
    about: {
      title: 'Sobre estos roles',
      source: 'La Oficina del Coordinador Nacional de Tecnología de la Información de Salud (ONC) le preguntó a un grupo de expertos, entre ellos educadores y representantes de la industria, qué trabajadores se iban a necesitar cuando los proveedores de atención médica empezaran a usar expedientes médicos electrónicos. Ellos nombraron estos seis roles.',
      sixMonths: 'Los expertos calcularon que la capacitación para cada rol tomaría seis meses o menos, si la persona llega a la capacitación con una preparación adecuada. Sin esa preparación, la capacitación toma más tiempo.',
      safetyNet: 'En los proveedores de la red de seguridad (clínicas y hospitales que atienden a muchas personas con bajos ingresos o sin seguro médico), donde los recursos pueden ser limitados, una misma persona puede ocupar varios de estos roles, o los proveedores pueden compartir personal.',
      labels: 'Las descripciones de los roles siguen a la ONC. Cuando agregamos algo propio, como los puestos de trabajo de hoy o una preparación sugerida, lo decimos.',
    },
    open: 'Lea sobre el rol de {role}',
    back: 'Los seis roles',
    notFound: 'No pudimos encontrar ese rol.',
    takeAssessment: 'Hacer la evaluación',
  },
  notFound: {
    title: 'No se encontró la página',
    home: 'Ir a la página de inicio',
  },
} as const satisfies Messages<typeof en>
